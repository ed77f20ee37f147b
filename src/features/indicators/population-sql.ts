import { type RawBuilder, sql } from 'kysely';
import type { Day } from '../../domain/time/day.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';

// Every indicator query reads `person` (unaliased, so that the Scope's personInScope condition applies as is) and
// the certificate `c` valid on the evaluation date: its level and category are the person's on that date, so a
// level change during the year counts as of the date.

/** The certificate alias `alias` is valid on `day` (an SQL date expression): in effect, not ended, not expired. */
export function certificateValidOn(alias: string, day: RawBuilder<unknown>): RawBuilder<boolean> {
  const a = sql.raw(alias);
  return sql<boolean>`${a}.effective_from <= ${day} and (${a}.ended_on is null or ${a}.ended_on > ${day}) and (${a}.valid_until is null or ${a}.valid_until >= ${day})`;
}

/**
 * `person join certificate c` on the certificate valid on the date (a valid certificate: DOMAIN.md §5's population);
 * `persons` is how to read `person` (evaluatedPersons).
 */
export function populationJoin(asOf: Day, persons: RawBuilder<unknown> = sql`person`): RawBuilder<unknown> {
  return sql`${persons} join certificate c on c.person_id = person.id and ${certificateValidOn('c', sql`${asOf}`)}`;
}

/** The person (`alias`, default `person`) is alive on the date and still registered in the county (not moved out on or before it). */
export function aliveAndRegistered(asOf: Day, alias = 'person'): RawBuilder<boolean> {
  const p = sql.raw(alias);
  return sql<boolean>`(${p}.deceased_on is null or ${p}.deceased_on > ${asOf}) and (${p}.status <> 'deceased' or ${p}.deceased_on is not null)
    and (${p}.moved_out_on is null or ${p}.moved_out_on > ${asOf}) and (${p}.status <> 'movedOut' or ${p}.moved_out_on is not null)`;
}

/**
 * The ids of persons in the population on the date whose current survey answer of the year sets the flag column
 * (of the org unit's persons only, when the evaluation is narrowed to it: see `narrowedTo`).
 */
export function surveyedPopulation(ctx: EvalContext, flagColumn: string): RawBuilder<unknown> {
  return sql`select n.person_id from needs_survey n
      join person p2 on p2.id = n.person_id
      join certificate c2 on c2.person_id = n.person_id and ${certificateValidOn('c2', sql`${ctx.asOf}`)}
    where n.year = ${ctx.year} and n.superseded_at is null and n.${sql.raw(flagColumn)} = 1 and ${aliveAndRegistered(ctx.asOf, 'p2')}${narrowedTo(ctx, sql`n.person_id`)}`;
}

/** The person (`alias`, default `person`) is registered in the org unit (its county, town or village code). */
export function inOrgUnit(org: OrgFilter, alias = 'person'): RawBuilder<boolean> {
  const column = org.level === 'county' ? 'county_code' : org.level === 'town' ? 'town_code' : 'village_code';
  return sql<boolean>`${sql.raw(`${alias}.${column}`)} = ${org.code}`;
}

/**
 * The `person` table of an evaluation: found through the org-unit index when the evaluation is narrowed to a few
 * persons; otherwise, on SQLite, read whole (`not indexed`: SQLite's planner, which keeps no statistics, would take
 * the county index and fetch most of the table's rows one by one). PostgreSQL's planner chooses by its statistics.
 */
export function evaluatedPersons(ctx: EvalContext): RawBuilder<unknown> {
  return ctx.narrowTo || ctx.engine !== 'sqlite' ? sql`person` : sql`person not indexed`;
}

/**
 * `and <personId> in (the org unit's persons)` when the evaluation is narrowed to its org unit (`ctx.narrowTo`: a
 * county of a province, a town), so that a table of per-person facts is read for those persons only; nothing
 * otherwise.
 */
export function narrowedTo(ctx: EvalContext, personId: RawBuilder<unknown>): RawBuilder<unknown> {
  if (!ctx.narrowTo) return sql``;
  return sql` and ${personId} in (select po.id from person po where ${inOrgUnit(ctx.narrowTo, 'po')})`;
}

/**
 * Groups a person query by org unit: its village, or its town for a person without one (codes of different lengths
 * never collide), on ONE expression. SQLite then sorts small rows once (grouping by town and village, it walked
 * the town index and read every person at random, and a two-stream UNION built each IN set twice); PostgreSQL
 * hash-aggregates ~100 groups. `aggregates` yields numerator, denominator, households.
 */
export function groupedByUnit(aggregates: RawBuilder<unknown>, from: RawBuilder<unknown>, where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select min(person.town_code) as town, min(person.village_code) as village, ${aggregates}
    from ${from} where ${where} group by ${unitOf('person')}`;
}

/** The org unit a person is counted in: the village code, else the town code. */
export function unitOf(alias: string): RawBuilder<unknown> {
  const p = sql.raw(alias);
  return sql`coalesce(${p}.village_code, ${p}.town_code)`;
}
