import { type RawBuilder, sql } from 'kysely';
import type { Day } from '../../domain/time/day.ts';
import type { EvalContext } from './eval-context.ts';
import { narrowedTo } from './population-sql.ts';

/**
 * What ONE statement's conditions ask of the tables beside `person` and `c`. Every person's as-of facts are read
 * once per statement, however many indicators or conditions use them: the year's current survey row is one LEFT
 * JOIN (`ns`, at most one row per person by the unique index), and each enrolment or service condition is a 0/1
 * column of ONE per-person aggregate of its table (`ef`, `sf`). One hash/index probe per person and table replaces
 * an IN set per condition (11 queries × up to 8 sets each before).
 */
export type StatementFacts = {
  survey: boolean;
  enrolment: FactTable;
  service: FactTable;
  /** Further joins by alias (each added once), e.g. the household's enrolments of the eligibility rules. */
  joins: Map<string, RawBuilder<unknown>>;
  /** The persons (an id range) the statement counts, when it counts a share of them (a lane's, compute.ts). */
  persons: PersonRange | null;
};

/** Consecutive person ids, both ends included. */
export type PersonRange = { from: number; to: number };

/** The predicates asked of one table, by key, and what every one of them requires of a row. */
type FactTable = { flags: Map<string, RawBuilder<boolean>>; kinds: Set<string>; from: Day | null };

/** What a fact predicate asks of a row: one of these programmes or kinds, running on some day from `from` to the date. */
export type FactWindow = { kinds: readonly string[]; from: Day };

function factTable(): FactTable {
  return { flags: new Map(), kinds: new Set(), from: null };
}

/**
 * The context of ONE statement, collecting the facts its conditions ask for (`joinsOf` adds them to FROM). With
 * `persons`, the statement counts only the persons of that id range (`personsIn`), and its per-person facts read
 * only their rows.
 */
export function statementContext(ctx: EvalContext, persons: PersonRange | null = null): EvalContext {
  return { ...ctx, facts: { survey: false, enrolment: factTable(), service: factTable(), joins: new Map(), persons } };
}

/** `and <column> between from and to` when the statement counts a range of persons; nothing otherwise. */
export function personsIn(ctx: EvalContext, column: RawBuilder<unknown>): RawBuilder<unknown> {
  const range = factsOf(ctx).persons;
  return range ? sql` and ${column} between ${range.from} and ${range.to}` : sql``;
}

/** The rows of a per-person fact table the statement needs: of its id range, of its org unit when narrowed. */
function factRowsOf(ctx: EvalContext, personId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`${personsIn(ctx, personId)}${narrowedTo(ctx, personId)}`;
}

function factsOf(ctx: EvalContext): StatementFacts {
  if (!ctx.facts) throw new Error('indicator conditions compile inside a statementContext');
  return ctx.facts;
}

/** The year's current survey row of the person (alias `ns`; all its columns null when the person has none). */
export function surveyRow(ctx: EvalContext): RawBuilder<unknown> {
  factsOf(ctx).survey = true;
  return sql.raw('ns');
}

/**
 * "The person has a row of `table` meeting `predicate`" as a two-valued condition (never NULL, so `not` keeps its
 * meaning). `key` names the predicate: conditions with the same key share one column. `window` is what the
 * predicate implies of a row, so that the aggregate reads only rows some predicate can match.
 */
export function hasFact(
  ctx: EvalContext,
  table: 'enrolment' | 'service',
  key: string,
  window: FactWindow,
  predicate: RawBuilder<boolean>,
): RawBuilder<boolean> {
  const t = factsOf(ctx)[table];
  if (!t.flags.has(key)) t.flags.set(key, predicate);
  for (const k of window.kinds) t.kinds.add(k);
  if (t.from === null || window.from < t.from) t.from = window.from;
  const index = [...t.flags.keys()].indexOf(key);
  return sql<boolean>`coalesce(${sql.raw(table === 'enrolment' ? 'ef' : 'sf')}.${sql.raw(`f${index}`)}, 0) = 1`;
}

function flagColumns(flags: Map<string, RawBuilder<boolean>>): RawBuilder<unknown> {
  return sql.join([...flags.values()].map((p, i) => sql`max(case when ${p} then 1 else 0 end) as ${sql.raw(`f${i}`)}`));
}

/** Adds a join (once per alias) to the statement; returns the alias to refer to its columns. */
export function namedJoin(ctx: EvalContext, alias: string, join: RawBuilder<unknown>): RawBuilder<unknown> {
  const joins = factsOf(ctx).joins;
  if (!joins.has(alias)) joins.set(alias, join);
  return sql.raw(alias);
}

/** The joins a statement's conditions asked for; call after compiling them. */
export function joinsOf(ctx: EvalContext): RawBuilder<unknown> {
  const facts = factsOf(ctx);
  const joins: RawBuilder<unknown>[] = [];
  if (facts.survey) {
    joins.push(sql`left join needs_survey ns on ns.person_id = person.id and ns.year = ${ctx.year} and ns.superseded_at is null`);
  }
  // Only rows that some predicate can match: of an asked-for programme or kind, running on some day of the windows.
  const { enrolment: e, service: v } = facts;
  if (e.flags.size > 0) {
    joins.push(sql`left join (select e.person_id, ${flagColumns(e.flags)} from enrolment e
      where e.program in (${list([...e.kinds])}) and e.start_date <= ${ctx.asOf} and (e.end_date is null or e.end_date >= ${e.from})${factRowsOf(ctx, sql`e.person_id`)}
      group by e.person_id) ef on ef.person_id = person.id`);
  }
  if (v.flags.size > 0) {
    joins.push(sql`left join (select s.person_id, ${flagColumns(v.flags)} from service_record s
      where s.kind in (${list([...v.kinds])}) and s.start_date <= ${ctx.asOf} and coalesce(s.end_date, s.start_date) >= ${v.from}${factRowsOf(ctx, sql`s.person_id`)}
      group by s.person_id) sf on sf.person_id = person.id`);
  }
  joins.push(...facts.joins.values());
  return joins.length > 0 ? sql.join(joins, sql` `) : sql``;
}

/** A column of the year's current survey row meets `test`; false, never NULL, when it is not answered or absent. */
export function surveyAnswer(ctx: EvalContext, column: string, test: RawBuilder<unknown>): RawBuilder<boolean> {
  const cell = sql`${surveyRow(ctx)}.${sql.raw(column)}`;
  return sql<boolean>`(${cell} is not null and ${cell} ${test})`;
}

function list(values: readonly string[]): RawBuilder<unknown> {
  return values.length === 0 ? sql`null` : sql.join(values.map((v) => sql`${v}`));
}

/** The person is in an enrolment of one of the programmes running on some day from `from` to the date. */
export function enrolledDuring(programs: readonly string[], from: Day, ctx: EvalContext): RawBuilder<boolean> {
  return hasFact(
    ctx,
    'enrolment',
    JSON.stringify([programs, from]),
    { kinds: programs, from },
    // start_date <= the date is the fact subquery's WHERE (joinsOf): every row it reads meets it.
    sql<boolean>`e.program in (${list(programs)}) and (e.end_date is null or e.end_date >= ${from})`,
  );
}
