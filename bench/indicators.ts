import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { connect, type Database, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { computeIndicators, laneShares, runAnalytic } from '../src/features/indicators/compute.ts';
import type { EvalContext, OrgFilter } from '../src/features/indicators/eval-context.ts';
import { narrowedContext } from '../src/features/indicators/narrow-facts.ts';
import { aliveAndRegistered, evaluatedPersons, inOrgUnit, populationJoin, unitOf } from '../src/features/indicators/population-sql.ts';
import { contextFor } from '../src/features/indicators/service.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { benchDatabaseUrl } from './fresh-db.ts';
import { median, report, round, since } from './lib.ts';
import { timeSnapshots } from './snapshots.ts';

const county = { code: '441821', level: 'county' as const };

/**
 * The yardstick: ONE plain aggregate scan of the population's tables for the year, i.e. a count per village (else
 * town) of person ⋈ the certificate valid on 31 December ⟕ the year's current survey row, alive and registered.
 * Grouped on the same expression as the rates statement, under the same session settings, so the ratio compares
 * the indicator work with the cheapest honest pass over the same rows, not with a slow plan.
 */
export async function baselineScan(
  database: Database,
  ctx: EvalContext,
  org: OrgFilter = county,
): Promise<{ wallMs: number; cpuMs: number }> {
  // Persons read as the indicators read them: through the org-unit index when the unit holds few of them, else whole.
  const narrowed = await narrowedContext(database, ctx, org);
  const persons = evaluatedPersons(narrowed);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await runAnalytic(database.db, narrowed, (db) =>
    sql`select ${unitOf('person')} as unit, count(*) as persons, count(ns.person_id) as surveyed
      from ${populationJoin(ctx.asOf, persons)}
      left join needs_survey ns on ns.person_id = person.id and ns.year = ${ctx.year} and ns.superseded_at is null
      where ${aliveAndRegistered(ctx.asOf)} and ${inOrgUnit(org)}
      group by ${unitOf('person')}`.execute(db),
  );
  const wallMs = since(start);
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** This thread's CPU time in ms (Linux: /proc), null where it cannot be read. */
function mainThreadCpuMs(): number | null {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/**
 * Times all 11 indicators for the county with every town and village, as the API computes them: the median of
 * runs in wall time, and in this process's CPU time (on SQLite that is all the work, so it shows the cost apart from
 * what other programs on the machine take; on PostgreSQL the work is the server's). `busiestThreadCpuMs` is the CPU
 * time of this thread or of all the others (the worker lanes), whichever is more: what the wall time would be on
 * free cores (Linux only; clock ticks of 10 ms).
 */
export async function timeIndicators(
  database: Database,
  ctx: EvalContext,
  runs: number,
  org: OrgFilter = county,
): Promise<{ wallMs: number; cpuMs: number; busiestThreadCpuMs: number | null }> {
  await computeIndicators(database, ctx, org);
  const walls: number[] = [];
  const cpus: number[] = [];
  const busiest: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const main = mainThreadCpuMs();
    const start = performance.now();
    await computeIndicators(database, ctx, org);
    walls.push(since(start));
    const used = process.cpuUsage(cpu);
    const total = (used.user + used.system) / 1000;
    const mainNow = mainThreadCpuMs();
    cpus.push(total);
    if (main !== null && mainNow !== null) busiest.push(Math.max(mainNow - main, total - (mainNow - main)));
  }
  return { wallMs: median(walls), cpuMs: median(cpus), busiestThreadCpuMs: busiest.length === runs ? median(busiest) : null };
}

/**
 * All 11 indicators for the county and every town and village, one year, over the demo county at 10,000 persons and
 * BENCH_PERSONS (default 1,000,000), SQLite and PostgreSQL. Targets: < 100 ms at 10,000, < 3 s at 1,000,000, and
 * all 11 within 3× one plain aggregate scan of the same tables (baselineScan; the ratio is printed).
 */
export async function benchIndicators(engines: Engine[], sizes = [10_000, Number(process.env.BENCH_PERSONS ?? 1_000_000)]): Promise<void> {
  for (const engine of engines) {
    for (const persons of [...new Set(sizes)]) {
      // BENCH_DB_SQLITE / BENCH_DB_POSTGRES: a database already loaded with loadDemo at the large size (seed 5), so
      // that repeated runs skip the minutes a million persons take to load.
      const reuse = persons > 10_000 ? process.env[`BENCH_DB_${engine.toUpperCase()}`] : undefined;
      const fresh = await benchDatabaseUrl(engine, 'indicators', reuse);
      const database = connect(fresh.url);
      try {
        const loadStart = performance.now();
        // A reused database was loaded by an earlier version: bring its schema up to date first.
        if (reuse) await migrateToLatest(database);
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
  const ctx = await contextFor(database, 2025);
  await baselineScan(database, ctx);
  const scans = [await baselineScan(database, ctx), await baselineScan(database, ctx), await baselineScan(database, ctx)];
  const scanMs = median(scans.map((s) => s.wallMs));
  const scanCpuMs = median(scans.map((s) => s.cpuMs));
  const { wallMs: totalMs, cpuMs, busiestThreadCpuMs } = await timeIndicators(database, ctx, persons > 10_000 ? 1 : 5);
  const targetMs = persons <= 10_000 ? 100 : 3_000;
  const ratio = totalMs / scanMs;
  // On SQLite all the work is this process's CPU time (summed over its threads when the work runs in lanes); on a
  // loaded machine the wall ratio swings either way with what the other programs happen to take during each run.
  // The ratio is met only when both the wall ratio and the CPU ratio of the critical path are: the busiest thread's
  // CPU (in lanes: the wall time on free cores). `cpuOverScan` still prints the total work over the scan.
  const cpuRatio = database.engine === 'sqlite' ? cpuMs / scanCpuMs : ratio;
  const criticalRatio = database.engine === 'sqlite' && busiestThreadCpuMs !== null ? busiestThreadCpuMs / scanCpuMs : cpuRatio;
  const shares = await laneShares(database, county);
  const stored = await timeSnapshots(database, ctx, county);
  return {
    allIndicatorsMs: round(totalMs, 1),
    // The lanes the indicators ran in (this thread and worker threads; compute.ts): 1 when not shared out.
    lanes: shares?.lanes ?? 1,
    ...(database.engine === 'sqlite'
      ? {
          allIndicatorsCpuMs: round(cpuMs, 1),
          busiestThreadCpuMs: busiestThreadCpuMs === null ? null : round(busiestThreadCpuMs, 0),
          busiestThreadOverScan: busiestThreadCpuMs === null ? null : round(busiestThreadCpuMs / scanCpuMs, 2),
          baselineScanCpuMs: round(scanCpuMs, 1),
          cpuOverScan: round(cpuRatio, 2),
        }
      : {}),
    targetMs,
    baselineScanMs: round(scanMs, 1),
    allIndicatorsOverScan: round(ratio, 2),
    ratioTarget: 3,
    met: totalMs < targetMs,
    ratioMet: Math.max(ratio, criticalRatio) <= 3,
    // The dashboard's read through stored results (bench/snapshots.ts): the target and the ratio for a read after a
    // day's edits; the build is what the first read of a date costs, the live run's figure above and more.
    ...stored,
    snapshotAfterEditsOverScan: round(stored.snapshotAfterEditsMs / scanMs, 2),
    snapshotMet: stored.snapshotAfterEditsMs < targetMs && stored.snapshotAfterEditsMs / scanMs <= 3,
    // Other programs' load while measuring (2 cores here): wall times above CPU times are time spent waiting.
    loadAverage: round(os.loadavg()[0] as number, 1),
  };
}
