import type { Kysely } from 'kysely';
import type { DB } from '../../../db/tables.ts';
import { personInScope } from '../../access/scope-query.ts';
import type { Scope } from '../../access/scope.ts';
import type { EnrolmentRow } from './import-enrolments.ts';
import type { Program } from './service.ts';

/** What an enrolment list changes: rows to add, rows to update, how many are unchanged, and ongoing rows it leaves out. */
export type EnrolmentPlan = {
  creates: { personId: number; startDate: string; endDate: string | null; monthlyAmountFen: number | null }[];
  updates: { id: number; version: number; endDate: string | null; amountFen: number | null }[];
  unchanged: number;
  notInList: { personId: number; idNumber: string | null; startDate: string; personListed: boolean }[];
  /** Each row's outcome in file order, with the stored values it replaces (the comparison shows them). */
  rows: PlannedRow[];
};

/** One list row's outcome: a new enrolment, one it ends (stored ongoing, the list gives an end), another change, or none. */
export type PlannedRow = {
  row: number;
  personId: number;
  kind: 'new' | 'ended' | 'changed' | 'unchanged';
  monthlyAmountFen: number | null;
  before: { endDate: string | null; monthlyAmountFen: number | null } | null;
};

/** The programme's stored enrolments of persons in the scope, with their ID numbers. */
function storedEnrolments(db: Kysely<DB>, scope: Scope, program: Program) {
  return db
    .selectFrom('enrolment')
    .innerJoin('person', 'person.id', 'enrolment.person_id')
    .select([
      'enrolment.id',
      'enrolment.person_id',
      'enrolment.start_date',
      'enrolment.end_date',
      'enrolment.monthly_amount_fen',
      'enrolment.version',
      'person.id_number',
    ])
    .where('enrolment.program', '=', program)
    .where((eb) => personInScope(scope, eb))
    .execute();
}

type Stored = Awaited<ReturnType<typeof storedEnrolments>>[number];

/** Ongoing stored enrolments whose (person, start date) the list does not contain. */
function leftOut(stored: readonly Stored[], rows: readonly { personId: number; startDate: string }[]): EnrolmentPlan['notInList'] {
  const listedKeys = new Set(rows.map((r) => `${r.personId}|${r.startDate}`));
  const listedPersons = new Set(rows.map((r) => r.personId));
  return stored
    .filter((s) => s.end_date === null && !listedKeys.has(`${s.person_id}|${s.start_date}`))
    .map((s) => ({ personId: s.person_id, idNumber: s.id_number, startDate: s.start_date, personListed: listedPersons.has(s.person_id) }));
}

/** Matches the list's rows to stored enrolments of the programme on (person, start date). */
export async function planEnrolments(
  db: Kysely<DB>,
  scope: Scope,
  program: Program,
  rows: readonly (EnrolmentRow & { personId: number })[],
): Promise<EnrolmentPlan> {
  const stored = await storedEnrolments(db, scope, program);
  const byKey = new Map(stored.map((s) => [`${s.person_id}|${s.start_date}`, s]));
  const plan: EnrolmentPlan = { creates: [], updates: [], unchanged: 0, notInList: leftOut(stored, rows), rows: [] };
  for (const r of rows) {
    const s = byKey.get(`${r.personId}|${r.startDate}`);
    // No amount column in the file: keep the stored amount.
    const amount = r.amountFen === undefined ? (s?.monthly_amount_fen ?? null) : r.amountFen;
    const storedAmount = s?.monthly_amount_fen === null || s === undefined ? null : Number(s.monthly_amount_fen);
    const before = s ? { endDate: s.end_date, monthlyAmountFen: storedAmount } : null;
    let kind: PlannedRow['kind'];
    if (!s) {
      kind = 'new';
      plan.creates.push({ personId: r.personId, startDate: r.startDate, endDate: r.endDate, monthlyAmountFen: amount });
    } else if (s.end_date === r.endDate && storedAmount === amount) {
      kind = 'unchanged';
      plan.unchanged += 1;
    } else {
      kind = s.end_date === null && r.endDate !== null ? 'ended' : 'changed';
      plan.updates.push({ id: s.id, version: s.version, endDate: r.endDate, amountFen: amount });
    }
    plan.rows.push({ row: r.row, personId: r.personId, kind, monthlyAmountFen: amount, before });
  }
  return plan;
}
