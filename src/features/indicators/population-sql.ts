import { type RawBuilder, sql } from 'kysely';
import type { Day } from '../../domain/time/day.ts';
import { blockOf, inBlocks } from './blocks-sql.ts';
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
  return sql<boolean>`${orgColumn(org, alias)} = ${org.code}`;
}

function orgColumn(org: OrgFilter, alias: string): RawBuilder<unknown> {
  const column = org.level === 'county' ? 'county_code' : org.level === 'town' ? 'town_code' : 'village_code';
  return sql.raw(`${alias}.${column}`);
}

/**
 * The evaluated persons (`person`) are in the org unit, and in the evaluated blocks when a refresh counts some. On
 * SQLite the org-unit condition is then written to stay off its index (`|| ''`), so that the persons are found by
 * the blocks' household and id ranges, not by reading the whole unit (SQLite took the county index: 1.6 s for 10
 * blocks of 1,000,000 persons). PostgreSQL keeps it plain: hidden from its statistics, the planner estimated one
 * person and re-aggregated a block's enrolments for each (10 ms instead of 2 for one block).
 */
export function inEvaluatedUnit(ctx: EvalContext, org: OrgFilter): RawBuilder<boolean> {
  if (!ctx.blocks) return inOrgUnit(org);
  const blocks = inBlocks(ctx.blocks, 'person', blockSizeOf(ctx));
  if (ctx.engine === 'postgres') return sql<boolean>`${inOrgUnit(org)} and ${blocks}`;
  return sql<boolean>`${orgColumn(org, 'person')} || '' = ${org.code} and ${blocks}`;
}

/** The size of the evaluation's blocks; an error when it counts or groups by blocks of no size. */
function blockSizeOf(ctx: EvalContext): number {
  if (ctx.blockSize === undefined) throw new Error('an evaluation by blocks without their size');
  return ctx.blockSize;
}

/**
 * The `person` table of an evaluation: found through the org-unit index when the evaluation is narrowed to a few
 * persons; otherwise, on SQLite, read whole (`not indexed`: SQLite's planner, which keeps no statistics, would take
 * the county index and fetch most of the table's rows one by one). PostgreSQL's planner chooses by its statistics.
 */
export function evaluatedPersons(ctx: EvalContext): RawBuilder<unknown> {
  return isRestricted(ctx) || ctx.engine !== 'sqlite' ? sql`person` : sql`person not indexed`;
}

/** Whether the evaluation reads the per-person tables for some persons only (narrowed, or some blocks). */
export function isRestricted(ctx: EvalContext): boolean {
  return Boolean(ctx.narrowTo || ctx.blocks);
}

/** The conditions on person `alias` that restrict the evaluation (narrowed org unit, blocks), joined by `and`. */
export function restrictionOf(ctx: EvalContext, alias: string): RawBuilder<boolean> {
  const terms: RawBuilder<boolean>[] = [];
  if (ctx.narrowTo) terms.push(inOrgUnit(ctx.narrowTo, alias));
  if (ctx.blocks) terms.push(inBlocks(ctx.blocks, alias, blockSizeOf(ctx)));
  return sql<boolean>`${sql.join(terms, sql` and `)}`;
}

/**
 * `and <personId> in (the org unit's persons)` when the evaluation is narrowed to its org unit (`ctx.narrowTo`: a
 * county of a province, a town) or to some blocks (`ctx.blocks`), so that a table of per-person facts is read for
 * those persons only; nothing otherwise.
 */
export function narrowedTo(ctx: EvalContext, personId: RawBuilder<unknown>): RawBuilder<unknown> {
  if (!isRestricted(ctx)) return sql``;
  const persons = sql`select po.id from person po where ${restrictionOf(ctx, 'po')}`;
  // PostgreSQL, refreshing some blocks: their ids first, as an array, then the table's rows by person. As a semi-join
  // the planner read every home modification of 1,000,000 persons (68,000) to keep 700: 1.2 s against ~0.1 s.
  if (ctx.blocks && ctx.engine === 'postgres') return sql` and ${personId} = any(array(${persons}))`;
  return sql` and ${personId} in (${persons})`;
}

/**
 * Groups a person query by org unit: its village, or its town for a person without one (codes of different lengths
 * never collide), on ONE expression. SQLite then sorts small rows once (grouping by town and village, it walked
 * the town index and read every person at random, and a two-stream UNION built each IN set twice); PostgreSQL
 * hash-aggregates ~100 groups. `aggregates` yields numerator, denominator, households. With `ctx.blockSize`, by
 * block and org unit (column `block`).
 */
export function groupedByUnit(
  ctx: EvalContext,
  aggregates: RawBuilder<unknown>,
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`select min(person.town_code) as town, min(person.village_code) as village, ${blockColumn(ctx, 'person')}${aggregates}
    from ${from} where ${where} group by ${blockGroup(ctx, 'person')}${unitOf('person')}`;
}

/** `<block> as block, ` of the person alias when the statement groups by block; nothing otherwise. */
export function blockColumn(ctx: EvalContext, alias: string): RawBuilder<unknown> {
  return ctx.blockSize ? sql`${blockOf(alias, ctx.blockSize)} as block, ` : sql``;
}

/** `<block>, ` to lead a GROUP BY when the statement groups by block; nothing otherwise. */
export function blockGroup(ctx: EvalContext, alias: string): RawBuilder<unknown> {
  return ctx.blockSize ? sql`${blockOf(alias, ctx.blockSize)}, ` : sql``;
}

/** The org unit a person is counted in: the village code, else the town code. */
export function unitOf(alias: string): RawBuilder<unknown> {
  const p = sql.raw(alias);
  return sql`coalesce(${p}.village_code, ${p}.town_code)`;
}
