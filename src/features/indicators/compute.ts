import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import type { IndicatorDefinition, IndicatorKey } from '../../domain/indicators/definition.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { addTallies, type Tally } from '../../domain/indicators/evaluate.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { indicatorSql, type OtherMeasure, type TallyRow } from './measure-sql.ts';
import { type RateMeasure, ratesQuery } from './rates-sql.ts';
import { registerUnitTally } from './unit-tally.ts';

/** Tallies of one indicator for the org unit evaluated and every town and village under it, by org code. */
export type TallyMap = Map<string, Tally>;

/** Every indicator's tallies by org code (the unit itself, its towns, its villages). */
export type IndicatorTallies = Map<IndicatorKey, TallyMap>;

function tallyOf(r: TallyRow, def: IndicatorDefinition): Tally {
  const base: Tally = { numerator: Number(r.numerator ?? 0), denominator: r.denominator === null ? null : Number(r.denominator) };
  if (def.measure.type === 'incomeGrowth')
    return { ...base, denominator: Number(r.denominator ?? 0), households: Number(r.households ?? 0) };
  return base;
}

function emptyTally(def: IndicatorDefinition): Tally {
  if (def.measure.type === 'rate') return { numerator: 0, denominator: 0 };
  if (def.measure.type === 'incomeGrowth') return { numerator: 0, denominator: 0, households: 0 };
  return { numerator: 0, denominator: null };
}

/** Rolls town-and-village rows up: each row adds to its village, its town and the unit evaluated. */
function rollUp(rows: readonly TallyRow[], def: IndicatorDefinition, org: OrgFilter): TallyMap {
  const out: TallyMap = new Map([[org.code, emptyTally(def)]]);
  const add = (code: string, t: Tally) => out.set(code, addTallies(out.get(code) ?? emptyTally(def), t));
  for (const r of rows) {
    const t = tallyOf(r, def);
    if (org.level === 'county') add(org.code, t);
    if (org.level !== 'village') add(r.town, t);
    if (r.village) add(r.village, t);
  }
  return out;
}

/**
 * Runs an aggregate query; on PostgreSQL inside a transaction with JIT off (compiling a query took ~0.7 s, more than
 * it saves here) and work_mem raised so the person sets hash in memory instead of spilling to disk.
 */
export async function runAnalytic<R>(db: Kysely<DB>, ctx: EvalContext, run: (q: Kysely<DB>) => Promise<R>): Promise<R> {
  if (ctx.engine !== 'postgres') return run(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    return run(trx);
  });
}

type Measured = [IndicatorKey, TallyMap][];

function isRate(def: IndicatorDefinition): def is IndicatorDefinition & { measure: RateMeasure } {
  return def.measure.type === 'rate';
}

/**
 * Every rate indicator from ONE statement (rates-sql.ts). On SQLite the statement counts per org unit with the
 * registered hash aggregate (unit-tally.ts) instead of sorting every person's row for GROUP BY.
 */
async function measureRates(
  database: Database,
  defs: readonly (IndicatorDefinition & { measure: RateMeasure })[],
  ctx: EvalContext,
  org: OrgFilter,
): Promise<Measured> {
  if (database.sqlite) registerUnitTally(database.sqlite);
  const rates = ratesQuery(
    defs.map((d) => d.measure),
    ctx,
    org,
    database.sqlite ? 'unitTally' : 'groupBy',
  );
  const { rows } = await runAnalytic(database.db, ctx, (q) => rates.query.execute(q));
  const counts = rates.read(rows);
  return defs.map((def, i) => [
    def.key,
    rollUp(
      (counts[i] ?? []).map((c) => ({ ...c, households: null })),
      def,
      org,
    ),
  ]);
}

async function measureOther(db: Kysely<DB>, def: IndicatorDefinition, ctx: EvalContext, org: OrgFilter): Promise<Measured> {
  const { rows } = await runAnalytic(db, ctx, (q) => indicatorSql(def.measure as OtherMeasure, ctx, org).execute(q));
  return [[def.key, rollUp(rows, def, org)]];
}

/**
 * Runs the indicators for the org unit, its towns and its villages: all rates in one statement, each count and the
 * income growth in one of their own. On PostgreSQL the statements run at once on the pool's connections; SQLite's
 * one connection runs them in turn.
 */
export async function computeIndicators(
  database: Database,
  ctx: EvalContext,
  org: OrgFilter,
  definitions: readonly IndicatorDefinition[] = indicatorDefinitions,
): Promise<IndicatorTallies> {
  const rates = definitions.filter(isRate);
  const jobs: (() => Promise<Measured>)[] = definitions
    .filter((d) => !isRate(d))
    .map((def) => () => measureOther(database.db, def, ctx, org));
  if (rates.length > 0) jobs.unshift(() => measureRates(database, rates, ctx, org));
  const measured: Measured[] = [];
  if (ctx.engine === 'postgres') measured.push(...(await Promise.all(jobs.map((job) => job()))));
  else for (const job of jobs) measured.push(await job());
  const byKey = new Map(measured.flat());
  return new Map(definitions.map((def) => [def.key, byKey.get(def.key) as TallyMap]));
}

/** Runs one indicator for the org unit, its towns and its villages. */
export async function computeIndicator(database: Database, def: IndicatorDefinition, ctx: EvalContext, org: OrgFilter): Promise<TallyMap> {
  return (await computeIndicators(database, ctx, org, [def])).get(def.key) as TallyMap;
}
