import { type RawBuilder, sql } from 'kysely';
import type { Measure } from '../../domain/indicators/definition.ts';
import { surveyColumn } from './compile-condition.ts';
import { blockOf } from './blocks-sql.ts';
import type { RateMeasure } from './rates-sql.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import {
  aliveAndRegistered,
  certificateValidOn,
  evaluatedPersons,
  groupedByUnit,
  inEvaluatedUnit,
  narrowedTo,
  populationJoin,
  surveyedPopulation,
} from './population-sql.ts';

/** One row of an indicator query: an org unit's additive counts (see Tally), by town and village. */
export type TallyRow = {
  /** The block (blocks-sql.ts), when the statement grouped by block (ctx.blockSize). */
  block?: number;
  town: string;
  village: string | null;
  numerator: number | null;
  denominator: number | null;
  households: number | null;
};

/** A count indicator's measure. */
export type CountMeasure = Extract<Measure, { type: 'personCount' | 'householdCount' }>;

function list(values: readonly string[]): RawBuilder<unknown> {
  return sql.join(values.map((v) => sql`${v}`));
}

/**
 * The persons a count counts: a qualifying service or enrolment in the window, holding a valid certificate on its
 * day, or the survey answer; the gap lists leave them out (gap-sql.ts).
 */
export function eventPersons(m: CountMeasure, ctx: EvalContext): RawBuilder<unknown> {
  const from = m.since ?? ctx.yearStart;
  const day = sql`coalesce(s.end_date, s.start_date)`;
  const parts: RawBuilder<unknown>[] = [
    sql`select s.person_id from service_record s join certificate cs on cs.person_id = s.person_id and ${certificateValidOn('cs', day)}
      where s.kind in (${list(m.services)}) and s.status in (${list(m.serviceStatus)}) and ${day} >= ${from} and ${day} <= ${ctx.asOf}${narrowedTo(ctx, sql`s.person_id`)}`,
  ];
  if (m.enrolments?.length) {
    parts.push(sql`select e.person_id from enrolment e join certificate ce on ce.person_id = e.person_id and ${certificateValidOn('ce', sql`e.start_date`)}
      where e.program in (${list(m.enrolments)}) and e.start_date >= ${from} and e.start_date <= ${ctx.asOf}${narrowedTo(ctx, sql`e.person_id`)}`);
  }
  // A survey answer ("完成职业培训") counts for persons in the population on the date.
  if (m.surveyFlag) parts.push(surveyedPopulation(ctx, surveyColumn(m.surveyFlag)));
  return sql.join(parts, sql` union `);
}

/**
 * Counts: distinct persons (or households) with a qualifying event. An event counts if the person held a valid
 * certificate on its day, so a cumulative count never shrinks when someone later dies; a survey answer
 * ("完成职业培训") counts for persons in the population on the date.
 */
function countSql(m: CountMeasure, ctx: EvalContext, org: OrgFilter): RawBuilder<TallyRow> {
  const counted = m.type === 'householdCount' ? sql`count(distinct coalesce(person.household_id, -person.id))` : sql`count(*)`;
  return groupedByUnit(
    ctx,
    sql`${counted} as numerator, null as denominator, null as households`,
    evaluatedPersons(ctx),
    sql`${inEvaluatedUnit(ctx, org)} and person.id in (${eventPersons(m, ctx)})`,
  ) as RawBuilder<TallyRow>;
}

/**
 * Income growth: per household of the population (household number, or the person alone), the mean per-capita
 * income answered for the year and for the year before; summed per town and village over households with both.
 */
function incomeSql(ctx: EvalContext, org: OrgFilter): RawBuilder<TallyRow> {
  // A household never spans blocks (blocks-sql.ts): its block is any member's.
  const block = ctx.blockSize ? sql`h.block, ` : sql``;
  // Refreshing some blocks: their persons' survey rows only (SQLite would read every row of the year first).
  const surveys = ctx.blocks ? narrowedTo(ctx, sql`cur.person_id`) : sql``;
  return sql<TallyRow>`select ${block}h.town, h.village, sum(h.cur) as numerator, sum(h.prev) as denominator, count(*) as households
    from (
      select min(person.town_code) as town, min(person.village_code) as village, ${ctx.blockSize ? sql`min(${blockOf('person', ctx.blockSize)}) as block, ` : sql``}
        avg(cur.income_per_capita_fen) as cur, avg(prev.income_per_capita_fen) as prev
      from ${populationJoin(ctx.asOf, evaluatedPersons(ctx))}
      join needs_survey cur on cur.person_id = person.id and cur.year = ${ctx.year} and cur.superseded_at is null
      join needs_survey prev on prev.person_id = person.id and prev.year = ${ctx.year - 1} and prev.superseded_at is null
      where ${aliveAndRegistered(ctx.asOf)} and ${inEvaluatedUnit(ctx, org)}
        and cur.income_per_capita_fen is not null and prev.income_per_capita_fen is not null${surveys}
      group by coalesce(person.household_id, -person.id)
    ) h
    group by ${block}h.town, h.village`;
}

/** A measure other than a rate: one statement of its own each. */
export type OtherMeasure = Exclude<Measure, RateMeasure>;

/** The ONE set-based query of a count or income indicator for an org unit, grouped by org unit (rates: rates-sql.ts). */
export function indicatorSql(m: OtherMeasure, ctx: EvalContext, org: OrgFilter): RawBuilder<TallyRow> {
  switch (m.type) {
    case 'personCount':
    case 'householdCount':
      return countSql(m, ctx, org);
    case 'incomeGrowth':
      return incomeSql(ctx, org);
  }
}
