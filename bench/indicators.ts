import { sql } from 'kysely';
import { connect, type Database, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { indicatorDefinitions } from '../src/domain/indicators/definitions.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { computeIndicator } from '../src/features/indicators/compute.ts';
import { contextFor } from '../src/features/indicators/service.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { freshDatabaseUrl } from './fresh-db.ts';
import { report, round, since } from './lib.ts';

const county = { code: '441821', level: 'county' as const };

/** The median of a few timings. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** One plain aggregate scan of the population's tables (person ⋈ certificate, grouped by town and village): the yardstick. */
async function baselineScan(database: Database): Promise<number> {
  const start = performance.now();
  await sql`select person.town_code, person.village_code, count(*) from person join certificate c on c.person_id = person.id and c.ended_on is null group by person.town_code, person.village_code`.execute(
    database.db,
  );
  return since(start);
}

/** Times all 11 indicators for the county with every town and village (one query each), three runs, medians. */
async function timeIndicators(database: Database, year: number, runs: number) {
  const ctx = await contextFor(database, year);
  const perIndicator: Record<string, number> = {};
  const totals: number[] = [];
  for (let run = 0; run <= runs; run++) {
    let total = 0;
    for (const def of indicatorDefinitions) {
      const start = performance.now();
      await computeIndicator(database.db, def, ctx, county);
      const ms = since(start);
      total += ms;
      if (run > 0) perIndicator[def.key] = Math.min(perIndicator[def.key] ?? Number.POSITIVE_INFINITY, ms);
    }
    if (run > 0) totals.push(total);
  }
  return { totalMs: median(totals), perIndicator };
}

/**
 * All 11 indicators for the county and every town and village, one year, over the demo county at 10,000 persons and
 * BENCH_PERSONS (default 1,000,000), SQLite and PostgreSQL. Targets: < 100 ms at 10,000, < 3 s at 1,000,000, and
 * each indicator within 3× one plain aggregate scan of person ⋈ certificate (the ratio is printed).
 */
export async function benchIndicators(engines: Engine[], sizes = [10_000, Number(process.env.BENCH_PERSONS ?? 1_000_000)]): Promise<void> {
  for (const engine of engines) {
    for (const persons of [...new Set(sizes)]) {
      // BENCH_DB_SQLITE / BENCH_DB_POSTGRES: a database already loaded with loadDemo at the large size (seed 5), so
      // that repeated runs skip the minutes a million persons take to load.
      const reuse = persons > 10_000 ? process.env[`BENCH_DB_${engine.toUpperCase()}`] : undefined;
      const fresh = reuse ? { url: reuse, drop: async () => {} } : await freshDatabaseUrl(engine, 'indicators');
      const database = connect(fresh.url);
      try {
        const loadStart = performance.now();
        const loaded = reuse ? null : await load(database, persons);
        const loadSeconds = since(loadStart) / 1000;
        report(`indicators-${persons}`, engine, {
          persons,
          loadSeconds: reuse ? null : round(loadSeconds, 1),
          rows: loaded,
          ...(await measure(database, persons)),
        });
      } finally {
        await database.close();
        await fresh.drop();
      }
    }
  }
}

async function load(database: Database, persons: number) {
  await migrateToLatest(database);
  await loadRegions(database);
  const loaded = await loadDemo(database, { persons, seed: 5, asOf: '2026-11-29' });
  await sql`analyze`.execute(database.db);
  return loaded.services;
}

async function measure(database: Database, persons: number) {
  await baselineScan(database);
  const scanMs = median([await baselineScan(database), await baselineScan(database), await baselineScan(database)]);
  const { totalMs, perIndicator } = await timeIndicators(database, 2025, persons > 10_000 ? 1 : 3);
  const worst = Math.max(...Object.values(perIndicator));
  const targetMs = persons <= 10_000 ? 100 : 3_000;
  return {
    allIndicatorsMs: round(totalMs, 1),
    targetMs,
    baselineScanMs: round(scanMs, 1),
    meanPerIndicatorOverScan: round(totalMs / 11 / scanMs, 2),
    worstIndicatorOverScan: round(worst / scanMs, 2),
    perIndicatorMs: Object.fromEntries(Object.entries(perIndicator).map(([k, v]) => [k, round(v, 1)])),
    met: totalMs < targetMs,
  };
}
