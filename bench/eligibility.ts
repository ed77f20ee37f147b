import { sql } from 'kysely';
import { connect, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { programs } from '../src/domain/policy/evaluate.ts';
import { systemScope } from '../src/features/access/scope.ts';
import { evaluateAll } from '../src/features/benefits/evaluation.ts';
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

/**
 * Evaluates every programme for every person as of one date (set-wise fact loading in chunks, rules in memory) over
 * the demo county with its 2021–2025 enrolments; counts decisions and gap-list entries. Target < 10 s at 1,000,000.
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
        let decisions = 0;
        let eligible = 0;
        const gaps = { eligibleNotReceiving: 0, receivingNotEligible: 0 };
        for await (const chunk of evaluateAll(database, systemScope('bench'), { asOf: '2025-12-31' }, programs, params)) {
          for (const p of chunk) {
            for (const d of p.decisions) {
              decisions += 1;
              if (d.eligible) eligible += 1;
              const gap = gapOf(d);
              if (gap) gaps[gap] += 1;
            }
          }
        }
        const seconds = since(start) / 1000;
        report(`eligibility-${persons}`, engine, {
          persons,
          programs: programs.length,
          decisions,
          eligible,
          gaps,
          loadSeconds: round(loadSeconds, 1),
          evaluateSeconds: round(seconds, 2),
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
