import { PassThrough } from 'node:stream';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { programNames } from '../../domain/policy/evaluate.ts';
import { auditRead } from '../access/audit.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { writeTable } from '../files/write-table.ts';
import { assertBenefit } from './permissions.ts';
import { benefitsDb } from './tables.ts';

async function rollLines(database: Database, scope: Scope, rollId: number) {
  return benefitsDb(database)
    .selectFrom('payment_roll_line')
    .innerJoin('person', 'person.id', 'payment_roll_line.person_id')
    .select([
      'payment_roll_line.person_id',
      'person.name',
      'person.id_number',
      'payment_roll_line.town_code',
      'payment_roll_line.amount_fen',
      'payment_roll_line.bank_account_masked',
      'payment_roll_line.enrolment_id',
    ])
    .where('payment_roll_line.roll_id', '=', rollId)
    .where((eb) => personInScope(scope, eb as never))
    .orderBy('payment_roll_line.person_id')
    .execute();
}

/** A roll with its lines (masked), audited. */
export async function getRoll(database: Database, scope: Scope, id: number) {
  assertBenefit(scope, 'benefit.read');
  const roll = await benefitsDb(database).selectFrom('payment_roll').selectAll().where('id', '=', id).executeTakeFirst();
  if (!roll) throw new AppError('NOT_FOUND');
  const lines = await rollLines(database, scope, id);
  await auditRead(database, scope, { action: 'benefit.roll.read', targetType: 'paymentRoll', targetId: id, outcome: 'success' });
  return {
    id: roll.id,
    program: roll.program,
    month: roll.month,
    status: roll.status,
    persons: roll.persons,
    totalFen: roll.total_fen,
    approvedBy: roll.approved_by,
    approvedAt: roll.approved_at,
    version: roll.version,
    lines: lines.map((l) => ({
      personId: l.person_id,
      name: l.name,
      idNumber: l.id_number ? maskIdNumber(l.id_number) : null,
      town: l.town_code,
      amountFen: l.amount_fen,
      bankAccount: l.bank_account_masked,
    })),
  };
}

/** The rolls built so far, newest month first (totals only: no personal data, so no read audit). */
export async function listRolls(database: Database, scope: Scope, q: { program?: string | undefined }) {
  assertBenefit(scope, 'benefit.read');
  let query = benefitsDb(database)
    .selectFrom('payment_roll')
    .select([
      'id',
      'program',
      'month',
      'status',
      'persons',
      'total_fen',
      'created_by',
      'created_at',
      'approved_by',
      'approved_at',
      'version',
    ]);
  if (q.program) query = query.where('program', '=', q.program);
  const rows = await query.orderBy('month', 'desc').orderBy('program').limit(240).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      program: r.program,
      month: r.month,
      status: r.status,
      persons: r.persons,
      totalFen: Number(r.total_fen),
      createdBy: r.created_by,
      createdAt: r.created_at,
      approvedBy: r.approved_by,
      approvedAt: r.approved_at,
      version: r.version,
    })),
  };
}

/** The roll as .xlsx (masked ID and account numbers), audited as an export. */
export async function exportRoll(database: Database, scope: Scope, id: number): Promise<NodeJS.ReadableStream> {
  assertBenefit(scope, 'benefit.export');
  const roll = await getRoll(database, scope, id);
  await auditRead(database, scope, { action: 'benefit.roll.export', targetType: 'paymentRoll', targetId: id, outcome: 'success' });
  const out = new PassThrough();
  const name = programNames[roll.program as keyof typeof programNames] ?? roll.program;
  const rows = roll.lines.map((l) => [
    name,
    roll.month,
    l.name,
    l.idNumber ?? '',
    l.town,
    (l.amountFen / 100).toFixed(2),
    l.bankAccount ?? '',
  ]);
  writeTable(out, 'xlsx', ['项目', '月份', '姓名', '公民身份号码', '镇', '金额(元)', '银行账号'], rows).catch((e: unknown) =>
    out.destroy(e as Error),
  );
  return out;
}

/** What changed between two months' rolls: new persons, stopped persons (with why), changed amounts. */
export async function compareRolls(database: Database, scope: Scope, q: { program: string; from: string; to: string }) {
  assertBenefit(scope, 'benefit.read');
  const db = benefitsDb(database);
  const rolls = await db
    .selectFrom('payment_roll')
    .select(['id', 'month'])
    .where('program', '=', q.program)
    .where('month', 'in', [q.from, q.to])
    .execute();
  const before = rolls.find((r) => r.month === q.from);
  const after = rolls.find((r) => r.month === q.to);
  if (!before || !after) throw new AppError('NOT_FOUND', { message: '两个月份的发放名册都需先生成' });
  const [a, b] = await Promise.all([rollLines(database, scope, before.id), rollLines(database, scope, after.id)]);
  const byA = new Map(a.map((l) => [l.person_id, l]));
  const byB = new Map(b.map((l) => [l.person_id, l]));
  const person = (l: (typeof a)[number]) => ({
    personId: l.person_id,
    name: l.name,
    idNumber: l.id_number ? maskIdNumber(l.id_number) : null,
    town: l.town_code,
  });
  const stopped = a.filter((l) => !byB.has(l.person_id));
  const why = await stopReasons(
    database,
    q.program,
    stopped.map((l) => l.person_id),
  );
  await auditRead(database, scope, { action: 'benefit.roll.compare', targetType: 'paymentRoll', outcome: 'success', details: q });
  return {
    ...q,
    added: b.filter((l) => !byA.has(l.person_id)).map((l) => ({ ...person(l), amountFen: l.amount_fen })),
    stopped: stopped.map((l) => ({ ...person(l), amountFen: l.amount_fen, reason: why.get(l.person_id) ?? '享受记录已结束' })),
    changed: b
      .filter((l) => byA.has(l.person_id) && byA.get(l.person_id)?.amount_fen !== l.amount_fen)
      .map((l) => ({ ...person(l), fromFen: byA.get(l.person_id)?.amount_fen ?? 0, toFen: l.amount_fen })),
  };
}

/** The latest stop-review reason of each person (why a payment stopped). */
async function stopReasons(database: Database, program: string, personIds: number[]): Promise<Map<number, string>> {
  const map = new Map<number, string>();
  if (personIds.length === 0) return map;
  const rows = await benefitsDb(database)
    .selectFrom('benefit_task')
    .select(['person_id', 'reason', 'status'])
    .where('program', '=', program)
    .where('kind', '=', 'stopReview')
    .where('person_id', 'in', personIds.slice(0, 10_000))
    .orderBy('id')
    .execute();
  for (const r of rows) map.set(r.person_id, r.status === 'open' ? `暂停发放（待复核）：${r.reason}` : r.reason);
  return map;
}
