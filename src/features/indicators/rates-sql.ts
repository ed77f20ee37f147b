import { type RawBuilder, sql } from 'kysely';
import type { Measure } from '../../domain/indicators/definition.ts';
import { compileCondition } from './compile-condition.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { blockOf } from './blocks-sql.ts';
import {
  aliveAndRegistered,
  blockColumn,
  blockGroup,
  evaluatedPersons,
  inEvaluatedUnit,
  populationJoin,
  unitOf,
} from './population-sql.ts';
import { joinsOf, type PersonRange, personsIn, statementContext } from './statement-facts.ts';
import { countBit, readUnitTally, unitTallyFunction } from './unit-tally.ts';

/** A rate indicator's measure. */
export type RateMeasure = Extract<Measure, { type: 'rate' }>;

/** One row of the rates statement: grouped, an org unit's `d<i>`/`n<i>`; tallied (SQLite), the one `tally` value. */
type RatesRow = Record<string, number | string | null>;

/** A rate's counts in one org unit (a village, or a town's persons without a village). */
export type RateCounts = { block?: number; town: string; village: string | null; numerator: number; denominator: number };

/**
 * A rate's counts as an object literal of one of two shapes. Spreading a conditional `{ block }` into the literal
 * instead made V8 build every one on its slow path: ~5 µs each, 30–60 ms for the ~6,700 rows (833 block-and-unit
 * rows × 8 rates) of a build at 10,000 persons, a third of its time.
 */
export function rateCounts(
  block: number | undefined,
  town: string,
  village: string | null,
  numerator: number,
  denominator: number,
): RateCounts {
  return block === undefined ? { town, village, numerator, denominator } : { block, town, village, numerator, denominator };
}

/** The rates statement and how to read its rows into each rate's counts per org unit. */
export type RatesQuery = { query: RawBuilder<RatesRow>; read(rows: readonly RatesRow[]): RateCounts[][] };

/** How the statement counts per org unit: SQL GROUP BY, or SQLite's hash aggregate of unit-tally.ts. */
export type Counting = 'groupBy' | 'unitTally';

// A person's outcomes are bits of one integer: bit 2i "in rate i's denominator", bit 2i+1 "and in its numerator".
// Kept below 2^53 so that JavaScript reads every mask exactly.
const maxTalliedRates = 26;

/**
 * ALL rate indicators in ONE statement: one pass over the population on the date (valid certificate, alive,
 * registered in the org unit) and each person's facts (statement-facts.ts), counting every rate's denominator and,
 * of it, its numerator per org unit, instead of one pass per rate.
 *
 * `groupBy` (PostgreSQL, which hash-aggregates ~100 groups): `sum(case …)` per rate, grouped on the one expression
 * "village, else town" (codes of different lengths never collide). `unitTally` (SQLite, which would sort every
 * person's row to group them): the conditions still evaluate in SQL, into one mask per person, and the registered
 * aggregate counts the masks per org unit (unit-tally.ts). With `persons`, it counts only the persons of that id
 * range (one share of the work, compute.ts).
 */
export function ratesQuery(
  measures: readonly RateMeasure[],
  outer: EvalContext,
  org: OrgFilter,
  counting: Counting = 'groupBy',
  persons: PersonRange | null = null,
): RatesQuery {
  const ctx = statementContext(outer, persons);
  const conditions = measures.map((m) => ({
    denominator: compileCondition(m.denominator, ctx),
    numerator: compileCondition(m.numerator, ctx),
  }));
  const from = sql`from ${populationJoin(ctx.asOf, evaluatedPersons(ctx))} ${joinsOf(ctx)}
    where ${aliveAndRegistered(ctx.asOf)} and ${inEvaluatedUnit(ctx, org)}${personsIn(ctx, sql`person.id`)}`;
  if (counting === 'unitTally') {
    if (measures.length > maxTalliedRates) throw new RangeError(`at most ${maxTalliedRates} rates per tallied statement`);
    const bits = conditions.map(
      ({ denominator, numerator }, i) =>
        // The denominator evaluated once (SQLite does not share common subexpressions): 3 · 4^i sets both bits.
        sql`(case when ${denominator} then (case when ${numerator} then ${sql.lit(3 * 2 ** (2 * i))} else ${sql.lit(2 ** (2 * i))} end) else 0 end)`,
    );
    const block = ctx.blockSize ? sql`, ${blockOf('person', ctx.blockSize)}` : sql``;
    const query = sql<RatesRow>`select ${sql.raw(unitTallyFunction)}(person.town_code, person.village_code, ${sql.join(bits, sql` + `)}${block}) as tally ${from}`;
    const read = (rows: readonly RatesRow[]) => {
      const units = readUnitTally((rows[0]?.tally as string | null | undefined) ?? null);
      return measures.map((_, i) => units.map((u) => rateCounts(u.block, u.town, u.village, countBit(u, 2 * i + 1), countBit(u, 2 * i))));
    };
    return { query, read };
  }
  const columns = conditions.map(
    ({ denominator, numerator }, i) => sql`sum(case when ${denominator} then 1 else 0 end) as ${sql.raw(`d${i}`)},
      sum(case when ${denominator} and ${numerator} then 1 else 0 end) as ${sql.raw(`n${i}`)}`,
  );
  const query = sql<RatesRow>`select min(person.town_code) as town, min(person.village_code) as village, ${blockColumn(ctx, 'person')}${sql.join(columns)}
    ${from}
    group by ${blockGroup(ctx, 'person')}${unitOf('person')}`;
  const read = (rows: readonly RatesRow[]) =>
    measures.map((_, i) =>
      rows.map((r) =>
        rateCounts(
          ctx.blockSize ? Number(r.block) : undefined,
          r.town as string,
          r.village as string | null,
          Number(r[`n${i}`] ?? 0),
          Number(r[`d${i}`] ?? 0),
        ),
      ),
    );
  return { query, read };
}
