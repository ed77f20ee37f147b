import { type RawBuilder, sql } from 'kysely';
import type { Measure } from '../../domain/indicators/definition.ts';
import { compileCondition } from './compile-condition.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { aliveAndRegistered, inOrgUnit, populationJoin, unitOf } from './population-sql.ts';
import { joinsOf, statementContext } from './statement-facts.ts';

/** A rate indicator's measure. */
export type RateMeasure = Extract<Measure, { type: 'rate' }>;

/** One row of the rates statement: an org unit's `d<i>` (denominator) and `n<i>` (numerator) of the i-th rate. */
type RatesRow = { town: string; village: string | null } & Record<string, number | string | null>;

/** A rate's counts in one org unit (a village, or a town's persons without a village). */
export type RateCounts = { town: string; village: string | null; numerator: number; denominator: number };

/** The rates statement and how to read its rows into each rate's counts per org unit. */
export type RatesQuery = { query: RawBuilder<RatesRow>; read(rows: readonly RatesRow[]): RateCounts[][] };

/**
 * ALL rate indicators in ONE statement: one pass over the population on the date (valid certificate, alive,
 * registered in the org unit) and each person's facts (statement-facts.ts), counting every rate's denominator and,
 * of it, its numerator per org unit, instead of one pass per rate. Grouped on the one expression "village, else
 * town" (codes of different lengths never collide): SQLite then sorts small rows instead of walking the town index
 * and reading every person at random, and PostgreSQL hash-aggregates ~100 groups.
 */
export function ratesQuery(measures: readonly RateMeasure[], outer: EvalContext, org: OrgFilter): RatesQuery {
  const ctx = statementContext(outer);
  const columns = measures.map((m, i) => {
    const denominator = compileCondition(m.denominator, ctx);
    const numerator = compileCondition(m.numerator, ctx);
    return sql`sum(case when ${denominator} then 1 else 0 end) as ${sql.raw(`d${i}`)},
      sum(case when ${denominator} and ${numerator} then 1 else 0 end) as ${sql.raw(`n${i}`)}`;
  });
  const query = sql<RatesRow>`select min(person.town_code) as town, min(person.village_code) as village, ${sql.join(columns)}
    from ${populationJoin(ctx.asOf)} ${joinsOf(ctx)}
    where ${aliveAndRegistered(ctx.asOf)} and ${inOrgUnit(org)}
    group by ${unitOf('person')}`;
  const read = (rows: readonly RatesRow[]) =>
    measures.map((_, i) =>
      rows.map((r) => ({ town: r.town, village: r.village, numerator: Number(r[`n${i}`] ?? 0), denominator: Number(r[`d${i}`] ?? 0) })),
    );
  return { query, read };
}
