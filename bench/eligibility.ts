import os from 'node:os';
import { sql } from 'kysely';
import { connect, type Database, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { programs } from '../src/domain/policy/evaluate.ts';
import type { ParamSet } from '../src/domain/policy/parameters.ts';
import { type Scope, systemScope } from '../src/features/access/scope.ts';
import { evaluateReduced, laneShares } from '../src/features/benefits/evaluation-lanes.ts';
import { type FactsFilter, streamFacts } from '../src/features/benefits/facts-store.ts';
import { loadParamSet } from '../src/features/benefits/param-store.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { benchDatabaseUrl } from './fresh-db.ts';
import { addTally, type EligibilityTally, emptyTally, tallyDecisions } from './eligibility-tally.ts';
import { report, round, since } from './lib.ts';

const tallyModule = new URL('./eligibility-tally.ts', import.meta.url).href;

/** Every programme for every person of the scope and filter, through the lanes the gap lists use; their tally. */
export async function tallyRun(database: Database, scope: Scope, filter: FactsFilter, params: ParamSet): Promise<EligibilityTally> {
  const tally = emptyTally();
  const reducer = { module: tallyModule, name: 'tallyDecisions', reduce: tallyDecisions, args: null };
  for await (const tallies of evaluateReduced(database, scope, filter, programs, params, reducer))
    for (const t of tallies) addTally(tally, t);
  return tally;
}

/** Person counts to run: BENCH_ELIGIBILITY_PERSONS (comma-separated) or BENCH_PERSONS, default 10,000 and 1,000,000. */
function sizes(): number[] {
  const raw = process.env.BENCH_ELIGIBILITY_PERSONS ?? process.env.BENCH_PERSONS;
  return raw ? raw.split(',').map(Number) : [10_000, 1_000_000];
}

/** Seconds to stream every person's facts without evaluating them: the fact-loading share of a run. */
async function factsOnlySeconds(database: Database, asOf: string, persons: number): Promise<number> {
  const start = performance.now();
  let read = 0;
  for await (const chunk of streamFacts(database, systemScope('bench'), { asOf })) read += chunk.length;
  if (read !== persons) throw new Error(`facts of ${read} persons read, ${persons} loaded`);
  return since(start) / 1000;
}

/** Loads the demo county with its 2021–2025 enrolments into a fresh database. */
async function load(database: Database, persons: number): Promise<void> {
  await migrateToLatest(database);
  await loadRegions(database);
  await loadDemo(database, { persons, seed: 7, asOf: '2025-12-31' });
  await sql`analyze`.execute(database.db);
}

/**
 * Evaluates every programme for every person as of one date (set-wise fact loading in chunks, rules in memory) over
 * the demo county with its 2021–2025 enrolments; counts decisions, gap-list entries and reasons (every reason's code,
 * message and source is read, as the eligibility document does). Target < 10 s at 1,000,000.
 * A second, facts-only pass splits the time into fact loading and rule evaluation.
 */
export async function benchEligibility(engines: Engine[]): Promise<void> {
  for (const persons of sizes()) {
    for (const engine of engines) {
      // BENCH_DB_SQLITE / BENCH_DB_POSTGRES: a database the demo already loaded at the large size (as for the
      // indicators), so that repeated runs skip the minutes a million persons take to load.
      const reuse = persons > 10_000 ? process.env[`BENCH_DB_${engine.toUpperCase()}`] : undefined;
      const fresh = await benchDatabaseUrl(engine, 'eligibility', reuse);
      const database = connect(fresh.url);
      try {
        const loadStart = performance.now();
        // A reused database was loaded by an earlier version: bring its schema up to date first.
        if (reuse) await migrateToLatest(database);
        if (!reuse) await load(database, persons);
        const loadSeconds = since(loadStart) / 1000;
        const params = await loadParamSet(database);
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const filter = { asOf: '2025-12-31' };
        const shares = await laneShares(database, systemScope('bench'), filter);
        const tally = await tallyRun(database, systemScope('bench'), filter, params);
        const seconds = since(start) / 1000;
        const cpu = process.cpuUsage(cpuStart);
        const loadAverage = os.loadavg()[0] ?? 0;
        const factsSeconds = await factsOnlySeconds(database, '2025-12-31', persons);
        report(`eligibility-${persons}`, engine, {
          persons,
          programs: programs.length,
          lanes: shares.length,
          ...tally,
          loadSeconds: reuse ? null : round(loadSeconds, 1),
          evaluateSeconds: round(seconds, 2),
          factsOnlySeconds: round(factsSeconds, 2),
          // Wall time on a shared machine depends on the others: the Node process's own CPU and the 1-minute load.
          nodeCpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
          loadAverage: round(loadAverage, 1),
          personsPerSecond: Math.round(persons / seconds),
          targetSeconds: 10,
          met: seconds < 10,
        });
      } finally {
        await database.close();
        await fresh.drop();
      }
    }
  }
}
