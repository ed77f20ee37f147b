import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { idRanges, type LaneTask, laneCount, personSpan, runLanes } from '../../db/lanes.ts';
import type { DB } from '../../db/tables.ts';
import type { IndicatorDefinition, IndicatorKey } from '../../domain/indicators/definition.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { addTallies, type Tally } from '../../domain/indicators/evaluate.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { indicatorSql, type OtherMeasure, type TallyRow } from './measure-sql.ts';
import { narrowedContext } from './narrow-facts.ts';
import { inOrgUnit, isRestricted } from './population-sql.ts';
import { type LaneStatement, type StatementLaneArgs, type StatementRows, statementLane, takenCounter } from './indicator-lanes.ts';
import { type RateCounts, type RateMeasure, rateCounts, ratesQuery } from './rates-sql.ts';
import type { PersonRange } from './statement-facts.ts';
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
 * it saves here) and work_mem raised so the person sets hash in memory instead of spilling to disk. Narrowed to a
 * few persons (a county of a province), it also plans for index lookups: no parallel workers (their start costs
 * more than such a run) and random reads priced as on an SSD or from memory (`random_page_cost` 1.1 instead of the
 * spinning disk's 4, with which the planner scanned every certificate and enrolment of the province: 1.07 s against
 * ~0.2 s for a county of 10,000 among 1,000,000 persons).
 */
export async function runAnalytic<R>(db: Kysely<DB>, ctx: EvalContext, run: (q: Kysely<DB>) => Promise<R>): Promise<R> {
  if (ctx.engine !== 'postgres') return run(db);
  // The settings in one statement (`set_config(…, true)` is SET LOCAL): one round trip instead of four.
  const settings: [string, string][] = [
    ['jit', 'off'],
    ['work_mem', '64MB'],
    ...(isRestricted(ctx)
      ? ([
          ['max_parallel_workers_per_gather', '0'],
          ['random_page_cost', '1.1'],
        ] as [string, string][])
      : []),
  ];
  return db.transaction().execute(async (trx) => {
    await sql`select ${sql.join(settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`))}`.execute(trx);
    return run(trx);
  });
}

/** Each indicator's rows, by town and village (and block, with ctx.blockSize), before they are rolled up. */
type Measured = [IndicatorKey, TallyRow[]][];

/** Every indicator's rows as the statements return them (see Measured). */
export type IndicatorRows = Map<IndicatorKey, TallyRow[]>;

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
  return rateRows(defs, rates.read(rows));
}

/** Each rate's counts per org unit as rows. */
function rateRows(defs: readonly IndicatorDefinition[], counts: readonly RateCounts[][]): Measured {
  return defs.map((def, i) => [def.key, (counts[i] ?? []).map(tallyRowOf)]);
}

/** A rate's counts as a row of the other statements' shape (object literals: see rateCounts). */
function tallyRowOf({ block, town, village, numerator, denominator }: RateCounts): TallyRow {
  return block === undefined
    ? { town, village, numerator, denominator, households: null }
    : { block, town, village, numerator, denominator, households: null };
}

async function measureOther(db: Kysely<DB>, def: IndicatorDefinition, ctx: EvalContext, org: OrgFilter): Promise<Measured> {
  const { rows } = await runAnalytic(db, ctx, (q) => indicatorSql(def.measure as OtherMeasure, ctx, org).execute(q));
  return [[def.key, rows]];
}

/** Rolls every indicator's rows up to the villages, the towns and the unit evaluated. */
export function rollUpAll(definitions: readonly IndicatorDefinition[], rows: IndicatorRows, org: OrgFilter): IndicatorTallies {
  return new Map(definitions.map((def) => [def.key, rollUp(rows.get(def.key) ?? [], def, org)]));
}

/**
 * Runs the indicators for the org unit, its towns and its villages, live from the records: all rates in one
 * statement, each count and the income growth in one of their own. On PostgreSQL the statements run at once on the
 * pool's connections; SQLite's one connection runs them in turn. Over many persons the work is shared out
 * (`inShares`). The dashboard reads them through snapshots.ts, which stores these figures per block.
 */
export async function computeIndicators(
  database: Database,
  outer: EvalContext,
  org: OrgFilter,
  definitions: readonly IndicatorDefinition[] = indicatorDefinitions,
): Promise<IndicatorTallies> {
  return rollUpAll(definitions, await computeIndicatorRows(database, outer, org, definitions), org);
}

/** The rows of computeIndicators before they are rolled up (by block too, with `outer.blockSize`). */
export async function computeIndicatorRows(
  database: Database,
  outer: EvalContext,
  org: OrgFilter,
  definitions: readonly IndicatorDefinition[] = indicatorDefinitions,
): Promise<IndicatorRows> {
  const ctx = await narrowedContext(database, outer, org);
  const rates = definitions.filter(isRate);
  const others = definitions.filter((d) => !isRate(d));
  // A refresh of some blocks reads their persons through indexes: no lanes (db/lanes.ts) for it.
  const shares = ctx.blocks ? null : await laneShares(database, org);
  const measured: Measured[] = [];
  if (shares) measured.push(...(await inShares(database, rates, others, ctx, org, shares)));
  else {
    const jobs: (() => Promise<Measured>)[] = others.map((def) => () => measureOther(database.db, def, ctx, org));
    if (rates.length > 0) jobs.unshift(() => measureRates(database, rates, ctx, org));
    if (ctx.engine === 'postgres') measured.push(...(await Promise.all(jobs.map((job) => job()))));
    else for (const job of jobs) measured.push(await job());
  }
  return new Map(measured.flat());
}

/**
 * Below this many persons (in the org unit) the statements run as they are: a worker thread takes a few hundred
 * milliseconds to start, more than the whole run at 10,000 persons. SMART_DPF_INDICATOR_LANE_MIN_PERSONS overrides
 * (tests set it low to share the work out).
 */
export function laneMinPersons(): number {
  return Number(process.env.SMART_DPF_INDICATOR_LANE_MIN_PERSONS ?? 200_000);
}

/** How to share the work out: the lanes (db/lanes.ts) and the persons' id span. */
type Shares = { lanes: number; ids: PersonRange };

/**
 * Whether to share SQLite's work out in lanes (the org unit's persons are many), and over what; null to run the
 * statements as they are. PostgreSQL
 * already runs them at once on the pool, each with the server's parallel workers: cutting the rates statement into
 * shares as well made the run slower there (100,000 persons: 1.1–1.5 s → 1.1–1.7 s; without parallel workers no
 * faster).
 */
export async function laneShares(database: Database, org: OrgFilter): Promise<Shares | null> {
  const lanes = laneCount(database);
  if (database.engine !== 'sqlite' || lanes < 2) return null;
  const span = await personSpan(database, inOrgUnit(org));
  if (!span || span.persons < laneMinPersons()) return null;
  return { lanes, ids: { from: span.from, to: span.to } };
}

/**
 * Sums the rates' counts of statements over shares of the persons, per org unit (the village, else the town; its
 * town the least town code, as one statement's `min(town_code)` gives). Counts of persons add up exactly.
 */
function mergeRateCounts(shares: readonly RateCounts[][][], rates: number): RateCounts[][] {
  return Array.from({ length: rates }, (_, i) => {
    const units = new Map<string, RateCounts>();
    for (const share of shares) {
      for (const c of share[i] ?? []) {
        const key = `${c.block ?? ''} ${c.village ?? c.town}`;
        const seen = units.get(key);
        if (!seen) units.set(key, rateCounts(c.block, c.town, c.village, c.numerator, c.denominator));
        else {
          seen.numerator += c.numerator;
          seen.denominator += c.denominator;
          if (c.town < seen.town) seen.town = c.town;
        }
      }
    }
    return [...units.values()];
  });
}

/** Runs the statements in lanes (db/lanes.ts); their rows, in order. */
async function runShared(database: Database, statements: readonly Statement[], lanes: number): Promise<unknown[][]> {
  const compiled = statements.map((s): LaneStatement => {
    const c = s.query.compile(database.db);
    return { sql: c.sql, parameters: c.parameters, unitTally: s.unitTally };
  });
  const args: StatementLaneArgs = { statements: compiled, taken: takenCounter() };
  const task: LaneTask<StatementLaneArgs, StatementRows> = { module: lanesModule, name: 'statementLane', run: statementLane };
  const rows: unknown[][] = [];
  for await (const chunk of runLanes(
    database,
    task,
    Array.from({ length: lanes }, () => args),
  )) {
    for (const r of chunk) rows[r.statement] = r.rows;
  }
  return statements.map((_, i) => {
    const r = rows[i];
    if (!r) throw new Error(`indicator statement ${i} of the lanes returned nothing`);
    return r;
  });
}

type Statement = { query: RawBuilder<unknown>; unitTally: boolean };

const lanesModule = new URL('./indicator-lanes.ts', import.meta.url).href;

/**
 * SQLite over many persons: the rates statement cut by person id ranges into two per lane, beside the income growth
 * and the counts, all run in lanes: this thread and worker threads with their own connections to the same file, each
 * taking the next statement left (indicator-lanes.ts; the income growth, the longest, first). A person's rates are
 * counted in the range holding the person (its per-person facts and its household's flags read in full), so the
 * shares' counts add up to one statement's exactly. The income growth and the counts stay whole statements: the
 * income averages per household and the household count counts distinct households, which a cut through a
 * household would change, and the income's sums of means are floating point, which another summation order could
 * change in the last digit.
 */
async function inShares(
  database: Database,
  rates: readonly (IndicatorDefinition & { measure: RateMeasure })[],
  others: readonly IndicatorDefinition[],
  ctx: EvalContext,
  org: OrgFilter,
  { lanes, ids }: Shares,
): Promise<Measured[]> {
  const leading = others.filter((d) => d.measure.type === 'incomeGrowth');
  const trailing = others.filter((d) => d.measure.type !== 'incomeGrowth');
  const rateShares =
    rates.length > 0
      ? idRanges(ids, 2 * lanes).map((range) =>
          ratesQuery(
            rates.map((d) => d.measure),
            ctx,
            org,
            'unitTally',
            range,
          ),
        )
      : [];
  const other = (def: IndicatorDefinition): Statement => ({ query: indicatorSql(def.measure as OtherMeasure, ctx, org), unitTally: false });
  const rows = await runShared(
    database,
    [...leading.map(other), ...rateShares.map((share) => ({ query: share.query, unitTally: true })), ...trailing.map(other)],
    lanes,
  );
  const rowsOf = (j: number) => rows[j < leading.length ? j : j + rateShares.length] as TallyRow[];
  const out: Measured[] = [...leading, ...trailing].map((def, j) => [[def.key, rowsOf(j)]]);
  if (rates.length > 0) {
    const counts = mergeRateCounts(
      rateShares.map((share, s) => share.read(rows[leading.length + s] as Parameters<typeof share.read>[0])),
      rates.length,
    );
    out.push(rateRows(rates, counts));
  }
  return out;
}

/** Runs one indicator for the org unit, its towns and its villages. */
export async function computeIndicator(database: Database, def: IndicatorDefinition, ctx: EvalContext, org: OrgFilter): Promise<TallyMap> {
  return (await computeIndicators(database, ctx, org, [def])).get(def.key) as TallyMap;
}
