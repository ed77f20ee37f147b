import type { Database } from '../../../db/connect.ts';
import type { Scope } from '../../access/scope.ts';
import { importEnrolments } from '../enrolments/import-enrolments.ts';
import { type EnrolmentCompareOptions, type EnrolmentComparisonBody, compareEnrolmentList } from './compare-enrolments.ts';

/**
 * The web page's enrolment-list import: the comparison first; then, unless a dry run or any row is invalid (an unknown
 * person included), the list is imported all or nothing exactly as the CLI imports it, its audit entry carrying the
 * comparison's counts.
 */
export async function importEnrolmentList(
  database: Database,
  scope: Scope,
  path: string,
  options: EnrolmentCompareOptions & { dryRun: boolean; fileName?: string },
): Promise<EnrolmentComparisonBody> {
  const comparison = await compareEnrolmentList(database, scope, path, options);
  if (options.dryRun || comparison.invalid > 0 || comparison.errors.length > 0) return { ...comparison, dryRun: options.dryRun };
  const { counts } = comparison;
  const report = await importEnrolments(database, scope, path, {
    program: options.program,
    asOf: options.asOf,
    fileName: options.fileName,
    auditDetails: { ended: counts.ended ?? 0, disagreements: counts.disagreements ?? 0, completeFor: comparison.completeFor },
  });
  return { ...comparison, dryRun: false, committed: report.committed };
}
