import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { recordAudit } from '../access/audit.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { inIntList } from './int-list.ts';
import { assertBenefit } from './permissions.ts';
import { type BenefitsDB, benefitsDb, coreDb } from './tables.ts';

/** A task to open: one person, programme and kind, with the reason. */
export type NewTask = {
  personId: number;
  program: string;
  kind: string;
  reasonCode: string;
  reason: string;
  enrolmentId: number | null;
  townCode: string;
};

/**
 * Opens tasks inside a transaction, skipping any person/programme/kind that already has an open task (the job can
 * run every night without piling up duplicates). Returns how many were opened.
 */
export async function openTasks(
  trx: Kysely<BenefitsDB>,
  tasks: readonly NewTask[],
  by: string,
  today: string,
  assignTo: string | null = null,
) {
  if (tasks.length === 0) return 0;
  const open = await trx
    .selectFrom('benefit_task')
    .select(['person_id', 'program', 'kind'])
    .where('status', '=', 'open')
    .where(inIntList(trx, 'benefit_task.person_id', [...new Set(tasks.map((t) => t.personId))]))
    .execute();
  const seen = new Set(open.map((o) => `${o.person_id}|${o.program}|${o.kind}`));
  const fresh = tasks.filter((t) => !seen.has(`${t.personId}|${t.program}|${t.kind}`));
  for (let i = 0; i < fresh.length; i += 500) {
    await trx
      .insertInto('benefit_task')
      .values(
        fresh.slice(i, i + 500).map((t) => ({
          person_id: t.personId,
          program: t.program,
          kind: t.kind,
          reason_code: t.reasonCode,
          reason: t.reason,
          enrolment_id: t.enrolmentId,
          town_code: t.townCode,
          status: 'open',
          assigned_to: assignTo,
          opened_on: today,
          opened_by: by,
        })),
      )
      .execute();
  }
  return fresh.length;
}

/** Tasks in the scope, newest first, with the person masked. */
export async function listTasks(
  database: Database,
  scope: Scope,
  q: { status?: string; program?: string; kind?: string; assignee?: 'me'; limit: number },
) {
  assertBenefit(scope, 'benefit.read');
  let query = benefitsDb(database)
    .selectFrom('benefit_task')
    .innerJoin('person', 'person.id', 'benefit_task.person_id')
    .select([
      'benefit_task.id',
      'benefit_task.person_id',
      'person.name',
      'person.id_number',
      'benefit_task.program',
      'benefit_task.kind',
      'benefit_task.reason_code',
      'benefit_task.reason',
      'benefit_task.enrolment_id',
      'benefit_task.town_code',
      'benefit_task.status',
      'benefit_task.assigned_to',
      'benefit_task.opened_on',
      'benefit_task.note',
      'benefit_task.version',
    ])
    .where((eb) => personInScope(scope, eb as never));
  if (q.status) query = query.where('benefit_task.status', '=', q.status);
  if (q.program) query = query.where('benefit_task.program', '=', q.program);
  if (q.kind) query = query.where('benefit_task.kind', '=', q.kind);
  if (q.assignee === 'me') query = query.where('benefit_task.assigned_to', '=', scope.username);
  const rows = await query.orderBy('benefit_task.id', 'desc').limit(q.limit).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
      program: r.program,
      kind: r.kind,
      reasonCode: r.reason_code,
      reason: r.reason,
      enrolmentId: r.enrolment_id,
      town: r.town_code,
      status: r.status,
      assignedTo: r.assigned_to,
      openedOn: r.opened_on,
      note: r.note,
      version: r.version,
    })),
  };
}

/** Throws unless the username is an active user of the task's town (or a unit above it). */
export async function assertAssignee(db: Kysely<BenefitsDB>, username: string, townCode: string) {
  const user = await db.selectFrom('app_user').select(['role', 'org_code', 'disabled']).where('username', '=', username).executeTakeFirst();
  const ok = user && user.disabled === 0 && (user.org_code === townCode || townCode.startsWith(user.org_code));
  if (!ok) throw new AppError('VALIDATION', { message: '只能指派给该镇或上级机构的在岗工作人员', path: ['assignedTo'] });
}

/** Assigns, annotates or closes a task in the scope (version-checked, audited); out of scope answers 404. */
export async function updateTask(
  database: Database,
  scope: Scope,
  id: number,
  change: { version: number; assignedTo?: string | null; status?: 'open' | 'done'; note?: string },
  now: Date,
) {
  assertBenefit(scope, 'benefit.task');
  const db = benefitsDb(database);
  return db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('benefit_task')
      .innerJoin('person', 'person.id', 'benefit_task.person_id')
      .selectAll('benefit_task')
      .where('benefit_task.id', '=', id)
      .where((eb) => personInScope(scope, eb as never))
      .executeTakeFirst();
    if (!task) throw new AppError('NOT_FOUND');
    if (task.version !== change.version) throw new AppError('VERSION_CONFLICT');
    if (change.assignedTo) await assertAssignee(trx, change.assignedTo, task.town_code);
    const done = change.status === 'done' && task.status !== 'done';
    const res = await trx
      .updateTable('benefit_task')
      .set({
        ...(change.assignedTo !== undefined ? { assigned_to: change.assignedTo } : {}),
        ...(change.status ? { status: change.status } : {}),
        ...(change.note !== undefined ? { note: change.note } : {}),
        ...(done ? { closed_at: now.toISOString(), closed_by: scope.username } : {}),
        version: task.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    await recordAudit(coreDb(trx), scope, {
      action: 'benefit.task.update',
      targetType: 'benefitTask',
      targetId: id,
      outcome: 'success',
      details: { ...change },
    });
    return { id, version: task.version + 1 };
  });
}
