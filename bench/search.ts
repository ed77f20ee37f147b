import os from 'node:os';
import { sql } from 'kysely';
import { connect, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemScope } from '../src/features/access/scope.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { searchPersonRows } from '../src/features/registry/search-persons.ts';
import { benchDatabaseUrl } from './fresh-db.ts';
import { percentile, report, round, since } from './lib.ts';

const countyScope = { ...systemScope('bench'), role: 'countyStaff' as const, orgCode: '441821', orgLevel: 'county' as const };

/**
 * Search latency over a registry of N persons (default 1,000,000, loaded through the demo generator and the import
 * path): p50/p99 of one page (50 rows) by exact ID number and by name prefix, as the store runs them for a
 * county-scoped user. Target p99 < 20 ms.
 */
export async function benchSearch(engines: Engine[], persons = Number(process.env.BENCH_PERSONS ?? 1_000_000)): Promise<void> {
  for (const engine of engines) {
    // BENCH_DB_SQLITE / BENCH_DB_POSTGRES: a database already loaded by the demo with `persons` persons (as for the
    // indicators bench), so that repeated runs skip the minutes a million persons take to load.
    const reuse = process.env[`BENCH_DB_${engine.toUpperCase()}`];
    const fresh = await benchDatabaseUrl(engine, 'search', reuse);
    const database = connect(fresh.url);
    try {
      await migrateToLatest(database);
      let loadSeconds: number | null = null;
      if (!reuse) {
        await loadRegions(database);
        const loadStart = performance.now();
        await loadDemo(database, { persons, seed: 11, asOf: '2026-11-29' });
        loadSeconds = since(loadStart) / 1000;
      }
      const count = await database.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(count.n) !== persons) throw new Error(`${reuse} holds ${count.n} persons, not ${persons}`);
      await sql`analyze`.execute(database.db);
      const sample = await sql<{
        id_number: string;
        name: string;
      }>`select id_number, name from person where id % 997 = 0 limit 500`.execute(database.db);
      const ids = sample.rows.map((r) => r.id_number);
      const prefixes = sample.rows.map((r, i) => (i % 2 === 0 ? r.name.slice(0, 1) : r.name.slice(0, 2)));
      const time = async (queries: string[]) => {
        const ms: number[] = [];
        for (const q of queries) {
          const start = performance.now();
          await searchPersonRows(database.db, countyScope, { q, limit: 50 }, '2026-11-29');
          ms.push(since(start));
        }
        return ms;
      };
      await time([...ids.slice(0, 50), ...prefixes.slice(0, 50)]);
      const byId = await time([...ids, ...ids]);
      const byName = await time([...prefixes, ...prefixes]);
      report('search', engine, {
        persons,
        loadSeconds: loadSeconds === null ? 'reused database' : round(loadSeconds, 1),
        loadRowsPerSecond: loadSeconds === null ? null : Math.round(persons / loadSeconds),
        loadAverage: round(os.loadavg()[0] ?? 0),
        idNumber: { p50ms: round(percentile(byId, 50)), p99ms: round(percentile(byId, 99)), queries: byId.length },
        namePrefix: { p50ms: round(percentile(byName, 50)), p99ms: round(percentile(byName, 99)), queries: byName.length },
        targetP99ms: 20,
        met: percentile(byId, 99) < 20 && percentile(byName, 99) < 20,
      });
    } finally {
      await database.close();
      await fresh.drop();
    }
  }
}
