import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { livingSubsidyMonthly, nursingSubsidyMonthly } from '../../domain/policy/parameter-catalog.ts';
import { lookup } from '../../domain/policy/parameters.ts';
import { daysInMonth, dayOf } from '../../domain/time/day.ts';
import { recordAudit } from '../access/audit.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { loadParamSet } from './param-store.ts';
import { assertBenefit } from './permissions.ts';
import { benefitsDb, coreDb } from './tables.ts';

/** Programmes paid monthly through rolls, with their amount parameter. */
export const rollPrograms = { livingSubsidy: livingSubsidyMonthly, nursingSubsidy: nursingSubsidyMonthly } as const;

/** A bank account shown with only its last four digits. */
export function maskAccount(n: string): string {
  return `****${n.slice(-4)}`;
}

/** First and last day of a 'YYYY-MM' month. */
export function monthDays(month: string): { first: string; last: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return { first: dayOf(y, m, 1), last: dayOf(y, m, daysInMonth(y, m)) };
}

/** Who is paid in a month: enrolments active in it, minus persons whose payment a stop review suspends. */
async function payableLines(database: Database, scope: Scope, program: string, month: string) {
  const { first, last } = monthDays(month);
  const db = benefitsDb(database);
  return db
    .selectFrom('enrolment')
    .innerJoin('person', 'person.id', 'enrolment.person_id')
    .leftJoin('payment_account', 'payment_account.person_id', 'enrolment.person_id')
    .select(['enrolment.id as enrolment_id', 'enrolment.person_id', 'person.town_code', 'payment_account.account_number'])
    .where('enrolment.program', '=', program)
    .where('enrolment.start_date', '<=', last)
    .where((eb) => eb.or([eb('enrolment.end_date', 'is', null), eb('enrolment.end_date', '>=', first)]))
    .where((eb) => personInScope(scope, eb as never))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('benefit_task')
            .select('benefit_task.id')
            .whereRef('benefit_task.person_id', '=', 'enrolment.person_id')
            .where('benefit_task.program', '=', program)
            .where('benefit_task.kind', '=', 'stopReview')
            .where('benefit_task.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('enrolment.person_id')
    .execute();
}

/** Builds (or rebuilds a draft of) a programme's roll for a month at the standard in force on its first day. */
export async function buildRoll(database: Database, scope: Scope, input: { program: keyof typeof rollPrograms; month: string }, now: Date) {
  assertBenefit(scope, 'benefit.roll');
  const db = benefitsDb(database);
  const existing = await db
    .selectFrom('payment_roll')
    .selectAll()
    .where('program', '=', input.program)
    .where('month', '=', input.month)
    .executeTakeFirst();
  if (existing?.status === 'approved') throw new AppError('ROLL_FROZEN');
  const standard = lookup(await loadParamSet(database), rollPrograms[input.program], monthDays(input.month).first);
  if (!standard) throw new AppError('AMOUNT_NOT_IN_FORCE');
  const rows = await payableLines(database, scope, input.program, input.month);
  const seen = new Set<number>();
  const lines = rows.filter((r) => !seen.has(r.person_id) && seen.add(r.person_id));
  const total = lines.length * standard.value;
  return db.transaction().execute(async (trx) => {
    let rollId = existing?.id;
    if (rollId !== undefined) {
      await trx.deleteFrom('payment_roll_line').where('roll_id', '=', rollId).execute();
      await trx
        .updateTable('payment_roll')
        .set({
          persons: lines.length,
          total_fen: total,
          created_by: scope.username,
          created_at: now.toISOString(),
          version: (existing?.version ?? 1) + 1,
        })
        .where('id', '=', rollId)
        .execute();
    } else {
      const row = await trx
        .insertInto('payment_roll')
        .values({
          program: input.program,
          month: input.month,
          status: 'draft',
          persons: lines.length,
          total_fen: total,
          created_by: scope.username,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      rollId = row.id;
    }
    for (let i = 0; i < lines.length; i += 500) {
      const values = lines.slice(i, i + 500).map((l) => ({
        roll_id: rollId as number,
        person_id: l.person_id,
        enrolment_id: l.enrolment_id,
        town_code: l.town_code,
        amount_fen: standard.value,
        bank_account_masked: l.account_number ? maskAccount(l.account_number) : null,
      }));
      await trx.insertInto('payment_roll_line').values(values).execute();
    }
    await recordAudit(coreDb(trx), scope, {
      action: 'benefit.roll.build',
      targetType: 'paymentRoll',
      targetId: rollId,
      outcome: 'success',
      details: { ...input, persons: lines.length, totalFen: total },
    });
    return {
      id: rollId as number,
      program: input.program,
      month: input.month,
      status: 'draft',
      persons: lines.length,
      totalFen: total,
      amountFen: standard.value,
    };
  });
}

/** Approves (freezes) a draft roll; version-checked and audited. */
export async function approveRoll(database: Database, scope: Scope, id: number, version: number, now: Date) {
  assertBenefit(scope, 'benefit.rollApprove');
  const db = benefitsDb(database);
  const roll = await db.selectFrom('payment_roll').selectAll().where('id', '=', id).executeTakeFirst();
  if (!roll) throw new AppError('NOT_FOUND');
  if (roll.status === 'approved') throw new AppError('ROLL_FROZEN');
  if (roll.version !== version) throw new AppError('VERSION_CONFLICT');
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('payment_roll')
      .set({ status: 'approved', approved_by: scope.username, approved_at: now.toISOString(), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    await recordAudit(coreDb(trx), scope, {
      action: 'benefit.roll.approve',
      targetType: 'paymentRoll',
      targetId: id,
      outcome: 'success',
      details: { program: roll.program, month: roll.month },
    });
  });
  return { id, status: 'approved', version: version + 1 };
}
