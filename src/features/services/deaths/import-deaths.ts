import type { Database } from '../../../db/connect.ts';
import type { Day } from '../../../domain/time/day.ts';
import { recordAudit } from '../../access/audit.ts';
import type { Scope } from '../../access/scope.ts';
import { markPersonsDeceased } from '../../registry/write-service.ts';
import { type DeathComparisonBody, compareDeathList } from './compare-deaths.ts';

/** How to import a deaths list. */
export type DeathImportOptions = { asOf: Day; dryRun?: boolean; fileName?: string };

/**
 * Imports a public-security deaths list: compares it with the registry and, unless a dry run or any row is malformed,
 * marks every listed person alive in the registry deceased in one transaction through the registry's own write
 * (version, history, `person.deceased` audit per person), then audits the import with its counts. Benefits stop
 * through the usual stop review (`smart-dpf benefits review`), which finds the deceased as for any deceased mark.
 */
export async function importDeaths(
  database: Database,
  scope: Scope,
  path: string,
  options: DeathImportOptions,
): Promise<DeathComparisonBody> {
  const { comparison, toMark } = await compareDeathList(database, scope, path, options.asOf);
  const dryRun = options.dryRun === true;
  if (dryRun || comparison.invalid > 0 || comparison.errors.length > 0) return { ...comparison, dryRun };
  const note = `公安死亡名单 ${options.fileName ?? ''}`.trim();
  const marked = await markPersonsDeceased(database, scope, toMark, options.asOf, note);
  await recordAudit(database.db, scope, {
    action: 'deaths.import',
    targetType: 'file',
    targetId: options.fileName ?? null,
    outcome: 'success',
    details: { rows: comparison.rows, ...comparison.counts, marked },
  });
  return { ...comparison, dryRun, committed: true };
}
