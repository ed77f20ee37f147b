import type { EnrolmentCompareRow, EnrolmentComparison } from '../../../contracts/department-lists.ts';
import type { Database } from '../../../db/connect.ts';
import { maskIdNumber } from '../../../domain/identity/id-number.ts';
import type { Day } from '../../../domain/time/day.ts';
import type { Scope } from '../../access/scope.ts';
import { type ReadEnrolmentList, readEnrolmentList } from '../enrolments/import-enrolments.ts';
import { type EnrolmentPlan, planEnrolments } from '../enrolments/plan-enrolments.ts';
import { baseReport } from '../import-common.ts';
import { eligibilityDisagreements } from './eligibility-checks.ts';
import { checkCompleteFor, missingFromList } from './missing-from-list.ts';
import { registryPersons } from './registry-persons.ts';
import { statusDisagreements } from './status-checks.ts';

/** How to compare: the programme, the day eligibility is judged on, and the area the list is declared complete for. */
export type EnrolmentCompareOptions = { program: string; asOf: Day; completeFor?: string | null };

/** A comparison before it is given its download handle. */
export type EnrolmentComparisonBody = Omit<EnrolmentComparison, 'comparisonId'>;

/**
 * Compares a department's enrolment list (FORMATS.md §5) with the registry without writing: each row is new, ends an
 * ongoing enrolment, changes one, leaves it unchanged, or names no person (PERSON_UNKNOWN); and where list and
 * registry disagree: paid after death or moving out, not eligible under the programme's rule, or (for a list declared
 * complete for a county or town) enrolled in the registry but missing from the list.
 */
export async function compareEnrolmentList(
  database: Database,
  scope: Scope,
  path: string,
  options: EnrolmentCompareOptions,
): Promise<EnrolmentComparisonBody> {
  const list = await readEnrolmentList(database, scope, path, options);
  const completeFor = options.completeFor || null;
  if (completeFor) await checkCompleteFor(database.db, scope, completeFor);
  const report = baseReport(list.read, true);
  const plan = await planEnrolments(database.db, scope, list.program, list.read.headerMissing ? [] : list.valid);
  const amounts = new Map(plan.rows.map((r) => [r.row, r.monthlyAmountFen]));
  const listed = list.valid.map((r) => ({ ...r, monthlyAmountFen: amounts.get(r.row) ?? null }));
  const persons = await registryPersons(
    database.db,
    listed.map((r) => r.personId),
  );
  const status = statusDisagreements(list.program, listed, persons);
  const flagged = new Set(status.map((d) => d.personId as number));
  const eligibility = await eligibilityDisagreements(database, scope, list.program, listed, options.asOf, flagged);
  const missing = completeFor ? await missingFromList(database.db, list.program, plan.notInList, completeFor) : [];
  const items = compareItems(list, plan);
  const disagreements = [...status, ...eligibility, ...missing];
  const counts: Record<string, number> = { new: 0, ended: 0, changed: 0, unchanged: 0, unknown: 0 };
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  counts.disagreements = disagreements.length;
  counts.notInList = plan.notInList.length;
  const { created: _c, updated: _u, unchanged: _n, ...rest } = report;
  return { kind: 'enrolments', program: list.program, asOf: options.asOf, completeFor, ...rest, items, disagreements, counts };
}

/** Every row in file order: planned rows with their before-values, and rows naming no person in scope. */
function compareItems(list: ReadEnrolmentList, plan: EnrolmentPlan): EnrolmentCompareRow[] {
  const byRow = new Map(list.valid.map((r) => [r.row, r]));
  const items: EnrolmentCompareRow[] = plan.rows.flatMap((p) => {
    const r = byRow.get(p.row);
    if (!r) return [];
    const { row, personId, kind, monthlyAmountFen, before } = p;
    const idNumber = maskIdNumber(r.idNumber);
    return [{ row, personId, idNumber, kind, startDate: r.startDate, endDate: r.endDate, monthlyAmountFen, before }];
  });
  for (const u of list.unmatched)
    items.push({
      row: u.row,
      personId: null,
      idNumber: maskIdNumber(u.idNumber),
      kind: 'unknown',
      startDate: u.startDate,
      endDate: u.endDate,
      monthlyAmountFen: u.amountFen ?? null,
      before: null,
    });
  return items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
