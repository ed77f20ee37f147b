import { type RawBuilder, sql } from 'kysely';
import type { EvalContext } from './eval-context.ts';

/**
 * The context of ONE statement: on PostgreSQL it collects the joins that `personIn` asks for, which the statement
 * adds to its FROM clause (`joinsOf`).
 */
export function statementContext(ctx: EvalContext): EvalContext {
  return { ...ctx, joins: ctx.engine === 'postgres' ? [] : undefined };
}

/**
 * "The person is in this set" for a subquery yielding `person_id`. SQLite: `person.id in (subquery)`, which it
 * builds once into an indexed temporary table. PostgreSQL: a LEFT JOIN to the distinct set and a null test, because
 * an IN inside CASE or OR is a SubPlan that PostgreSQL hashes only while it fits work_mem and otherwise rescans for
 * every person (minutes at a million persons); a hash join spills gracefully instead.
 */
export function personIn(subquery: RawBuilder<unknown>, ctx: EvalContext, unique = false): RawBuilder<boolean> {
  if (!ctx.joins) return sql<boolean>`person.id in (${subquery})`;
  const alias = sql.raw(`s${ctx.joins.length}`);
  // A set known to hold each person once (current survey rows: a unique index) needs no DISTINCT pass.
  const set = unique ? subquery : sql`select distinct person_id from (${subquery}) x`;
  ctx.joins.push(sql`left join (${set}) ${alias} on ${alias}.person_id = person.id`);
  return sql<boolean>`${alias}.person_id is not null`;
}

/** The joins a statement's conditions asked for (empty on SQLite). */
export function joinsOf(ctx: EvalContext): RawBuilder<unknown> {
  return ctx.joins && ctx.joins.length > 0 ? sql.join(ctx.joins, sql` `) : sql``;
}
