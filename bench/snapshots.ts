import { sql } from 'kysely';
import type { Database } from '../src/db/connect.ts';
import type { EvalContext, OrgFilter } from '../src/features/indicators/eval-context.ts';
import { lastSnapshotRead, statementsHash, storedIndicators } from '../src/features/indicators/snapshots.ts';
import { indicatorDefinitions } from '../src/domain/indicators/definitions.ts';
import { median, round, since } from './lib.ts';

/** Persons whose survey answer a bench round changes: a day's edits in a county, spread over its blocks. */
const editedPersons = 10;

/**
 * The dashboard's read of all 11 indicators through stored results (snapshots.ts, ADR 0004), in wall time:
 * - `snapshotBuildMs`: the first read for a date and set of parameters (or after most of the records changed):
 *   every block computed and stored;
 * - `snapshotReadMs`: a read with nothing changed since (median of 5);
 * - `snapshotAfterEditsMs`: a read after `editedPersons` persons' survey answers changed (each a real change of
 *   the year's `rehab_received`, changed back after the round, untimed), so it recomputes their blocks (median of 3).
 */
export async function timeSnapshots(database: Database, ctx: EvalContext, org: OrgFilter) {
  const hash = statementsHash(database, ctx, org, indicatorDefinitions);
  await database.db.deleteFrom('indicator_snapshot').where('org_code', '=', org.code).where('statements_hash', '=', hash).execute();
  let start = performance.now();
  await storedIndicators(database, ctx, org);
  const buildMs = since(start);
  const storedBlocks = lastSnapshotRead()?.refreshedBlocks ?? null;
  const reads: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    await storedIndicators(database, ctx, org);
    reads.push(since(start));
  }
  const afterEdits: number[] = [];
  const refreshed: number[] = [];
  for (let round = 0; round < 3; round++) {
    const persons = await surveyedPersons(database, ctx.year, round);
    await flipRehabReceived(database, ctx.year, persons);
    start = performance.now();
    await storedIndicators(database, ctx, org);
    afterEdits.push(since(start));
    refreshed.push(lastSnapshotRead()?.refreshedBlocks ?? 0);
    await flipRehabReceived(database, ctx.year, persons);
    await storedIndicators(database, ctx, org);
  }
  return {
    snapshotBuildMs: round(buildMs, 1),
    snapshotBlocks: storedBlocks,
    snapshotReadMs: round(median(reads), 1),
    snapshotAfterEditsMs: round(median(afterEdits), 1),
    snapshotEditedPersons: editedPersons,
    snapshotRefreshedBlocks: median(refreshed),
  };
}

/** `editedPersons` persons with a current survey row of the year, spread evenly over the id span. */
async function surveyedPersons(database: Database, year: number, round: number): Promise<number[]> {
  const span = await sql<{
    lo: number;
    hi: number;
  }>`select min(person_id) as lo, max(person_id) as hi from needs_survey where year = ${year}`.execute(database.db);
  const { lo, hi } = span.rows[0] ?? { lo: 0, hi: 0 };
  const step = (Number(hi) - Number(lo)) / editedPersons;
  const ids: number[] = [];
  for (let i = 0; i < editedPersons; i++) {
    const from = Math.floor(Number(lo) + step * i + round * 97);
    const row = await database.db
      .selectFrom('needs_survey')
      .select('person_id')
      .where('year', '=', year)
      .where('superseded_at', 'is', null)
      .where('person_id', '>=', from)
      .orderBy('person_id')
      .limit(1)
      .executeTakeFirst();
    if (row) ids.push(Number(row.person_id));
  }
  return ids;
}

/** Turns the persons' current `rehab_received` answer of the year (yes ↔ no; unanswered stays), one update each. */
async function flipRehabReceived(database: Database, year: number, persons: readonly number[]): Promise<void> {
  for (const id of persons) {
    await sql`update needs_survey set rehab_received = 1 - rehab_received
      where person_id = ${id} and year = ${year} and superseded_at is null and rehab_received is not null`.execute(database.db);
  }
}
