import type { Insertable, Kysely, Selectable } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import type { Enrolment } from '../../../contracts/services.ts';
import type { EnrolmentTable } from '../../../db/services-tables.ts';
import type { DB } from '../../../db/tables.ts';
import type { Program } from '../../../domain/indicators/conditions.ts';
import type { Day } from '../../../domain/time/day.ts';

// The enrolment service other features (benefits, issue 6) call: plain functions over a Kysely handle or
// transaction. Scoping is the caller's (these are set-wide reads for rule engines and imports); HTTP reads of one
// person go through services/routes.ts, which checks the Scope first.

export type { Program } from '../../../domain/indicators/conditions.ts';
export { programs } from '../../../domain/indicators/conditions.ts';

/** Who writes and when: stamped on the row. */
export type EnrolmentStamp = { actor: string; now: string; source: string };

/** A new enrolment: receiving from startDate until endDate inclusive (null = ongoing); amount in fen. */
export type NewEnrolment = { personId: number; program: Program; startDate: Day; endDate: Day | null; monthlyAmountFen: number | null };

/** A stored row as the API and callers see it. */
export function presentEnrolment(r: Selectable<EnrolmentTable>): Enrolment {
  return {
    id: r.id,
    personId: r.person_id,
    program: r.program,
    startDate: r.start_date,
    endDate: r.end_date,
    monthlyAmountFen: r.monthly_amount_fen === null ? null : Number(r.monthly_amount_fen),
    source: r.source,
    version: r.version,
  };
}

/** Enrolments of a programme running on a date (start ≤ asOf ≤ end, or no end), optionally for some persons only. */
export async function activeEnrolments(
  db: Kysely<DB>,
  program: Program,
  asOf: Day,
  options: { personIds?: readonly number[] } = {},
): Promise<Enrolment[]> {
  let q = db
    .selectFrom('enrolment')
    .selectAll()
    .where('program', '=', program)
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]));
  if (options.personIds) {
    if (options.personIds.length === 0) return [];
    q = q.where('person_id', 'in', [...options.personIds]);
  }
  return (await q.orderBy('person_id').orderBy('start_date').execute()).map(presentEnrolment);
}

/** Every enrolment of a person, newest start first. */
export async function enrolmentsOfPerson(db: Kysely<DB>, personId: number): Promise<Enrolment[]> {
  const rows = await db
    .selectFrom('enrolment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(presentEnrolment);
}

/** The row to insert for a new enrolment. */
export function enrolmentInsert(e: NewEnrolment, stamp: EnrolmentStamp): Insertable<EnrolmentTable> {
  return {
    person_id: e.personId,
    program: e.program,
    start_date: e.startDate,
    end_date: e.endDate,
    monthly_amount_fen: e.monthlyAmountFen,
    source: stamp.source,
    recorded_at: stamp.now,
    recorded_by: stamp.actor,
    version: 1,
  };
}

/** Adds an enrolment (e.g. an approved application); returns its id. Call inside the caller's transaction. */
export async function addEnrolment(trx: Kysely<DB>, e: NewEnrolment, stamp: EnrolmentStamp): Promise<number> {
  if (e.endDate !== null && e.endDate < e.startDate) throw new AppError('DATE_ORDER', { path: ['endDate'] });
  const row = await trx.insertInto('enrolment').values(enrolmentInsert(e, stamp)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes an enrolment's end date and/or amount, checked against the version read (VERSION_CONFLICT otherwise);
 * e.g. stopping a subsidy from the month after a death. Returns the new version.
 */
export async function changeEnrolment(
  trx: Kysely<DB>,
  id: number,
  expectedVersion: number,
  change: { endDate?: Day | null; monthlyAmountFen?: number | null },
  stamp: EnrolmentStamp,
): Promise<number> {
  const current = await trx.selectFrom('enrolment').select(['start_date', 'version']).where('id', '=', id).executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (change.endDate && change.endDate < current.start_date) throw new AppError('DATE_ORDER', { path: ['endDate'] });
  const done = await trx
    .updateTable('enrolment')
    .set({
      ...(change.endDate !== undefined ? { end_date: change.endDate } : {}),
      ...(change.monthlyAmountFen !== undefined ? { monthly_amount_fen: change.monthlyAmountFen } : {}),
      source: stamp.source,
      recorded_at: stamp.now,
      recorded_by: stamp.actor,
      version: expectedVersion + 1,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT', { details: { currentVersion: current.version } });
  return expectedVersion + 1;
}
