import os from 'node:os';
import { sql } from 'kysely';
import { connect, type Database, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { programs } from '../src/domain/policy/evaluate.ts';
import { systemScope } from '../src/features/access/scope.ts';
import { evaluateAll } from '../src/features/benefits/evaluation.ts';
import { streamFacts } from '../src/features/benefits/facts-store.ts';
import { gapOf } from '../src/features/benefits/gaps.ts';
import { loadParamSet } from '../src/features/benefits/param-store.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { loadDemoServices } from '../src/features/demo/services/load-demo-services.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { freshDatabaseUrl } from './fresh-db.ts';
import { report, round, since } from './lib.ts';

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

/**
 * Evaluates every programme for every person as of one date (set-wise fact loading in chunks, rules in memory) over
 * the demo county with its 2021–2025 enrolments; counts decisions, gap-list entries and reasons (every reason's code,
 * message and source is read, as the eligibility document does). Target < 10 s at 1,000,000.
 * A second, facts-only pass splits the time into fact loading and rule evaluation.
 */
export async function benchEligibility(engines: Engine[]): Promise<void> {
  for (const persons of sizes()) {
    for (const engine of engines) {
      const fresh = await freshDatabaseUrl(engine, 'eligibility');
      const database = connect(fresh.url);
      try {
        await migrateToLatest(database);
        await loadRegions(database);
        const loadStart = performance.now();
        await loadDemo(database, { persons, seed: 7, asOf: '2025-12-31' });
        await loadDemoServices(database, { seed: 7 });
        const loadSeconds = since(loadStart) / 1000;
        await sql`analyze`.execute(database.db);
        const params = await loadParamSet(database);
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        let decisions = 0;
        let eligible = 0;
        const reasons = { total: 0, failed: 0, messageChars: 0 };
        const gaps = { eligibleNotReceiving: 0, receivingNotEligible: 0 };
        for await (const chunk of evaluateAll(database, systemScope('bench'), { asOf: '2025-12-31' }, programs, params)) {
          for (const p of chunk) {
            for (const d of p.decisions) {
              decisions += 1;
              if (d.eligible) eligible += 1;
              const gap = gapOf(d);
              if (gap) gaps[gap] += 1;
              // Read every reason as `smart-dpf eligibility` prints them: reasons must be there, not merely promised.
              for (const r of d.reasons) {
                reasons.total += 1;
                if (!r.held && !r.info) reasons.failed += 1;
                reasons.messageChars += r.message.length + r.code.length + r.source.length;
              }
            }
          }
        }
        const seconds = since(start) / 1000;
        const cpu = process.cpuUsage(cpuStart);
        const loadAverage = os.loadavg()[0] ?? 0;
        const factsSeconds = await factsOnlySeconds(database, '2025-12-31', persons);
        report(`eligibility-${persons}`, engine, {
          persons,
          programs: programs.length,
          decisions,
          eligible,
          reasons,
          gaps,
          loadSeconds: round(loadSeconds, 1),
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
