import { type RawBuilder, sql } from 'kysely';
import type { Condition, During, SurveyChoice, SurveyFlag } from '../../domain/indicators/conditions.ts';
import { ageReferenceDay, birthBounds } from '../../domain/indicators/evaluate.ts';
import type { Day } from '../../domain/time/day.ts';
import { eligibilitySql } from './eligibility-sql.ts';
import type { EvalContext } from './eval-context.ts';
import { personIn } from './person-in.ts';

const flagColumns: Record<SurveyFlag, string> = {
  rehabNeed: 'rehab_need',
  rehabReceived: 'rehab_received',
  deviceNeed: 'device_need',
  deviceFitted: 'device_fitted',
  trainingCompleted: 'training_completed',
  homeModNeed: 'home_mod_need',
};
/** The needs_survey column of a yes/no answer. */
export function surveyColumn(flag: SurveyFlag): string {
  return flagColumns[flag];
}

const choiceColumns: Record<SurveyChoice, string> = {
  pension: 'pension',
  medical: 'medical',
  schooling: 'schooling',
  employment: 'employment',
};

/** The first day a `during` window reaches back to (it always ends on the evaluation date). */
function windowStart(during: During, ctx: EvalContext): Day {
  return during === 'date' ? ctx.asOf : during === 'month' ? ctx.monthStart : ctx.yearStart;
}

/** Persons with a current survey row of the year meeting `where` (uncorrelated IN: one hashed look-up set per query). */
function surveyed(ctx: EvalContext, where: RawBuilder<unknown>): RawBuilder<boolean> {
  return personIn(
    sql`select n.person_id from needs_survey n where n.year = ${ctx.year} and n.superseded_at is null and ${where}`,
    ctx,
    true,
  );
}

function list(values: readonly string[]): RawBuilder<unknown> {
  return values.length === 0 ? sql`null` : sql.join(values.map((v) => sql`${v}`));
}

/**
 * Compiles a declared condition to an SQL boolean over `person` and its certificate `c` valid on the date. Facts
 * of other tables are uncorrelated sets (person-in.ts), so a whole org unit is one pass, not a loop.
 */
export function compileCondition(cond: Condition, ctx: EvalContext): RawBuilder<boolean> {
  if ('survey' in cond) return surveyed(ctx, sql`n.${sql.raw(flagColumns[cond.survey])} = 1`);
  if ('surveyIn' in cond) return surveyed(ctx, sql`n.${sql.raw(choiceColumns[cond.surveyIn])} in (${list(cond.values)})`);
  if ('hasSurvey' in cond) return surveyed(ctx, sql`1 = 1`);
  if ('enrolment' in cond) {
    const from = windowStart(cond.during, ctx);
    return personIn(
      sql`select e.person_id from enrolment e where e.program in (${list(cond.enrolment)}) and e.start_date <= ${ctx.asOf} and (e.end_date is null or e.end_date >= ${from})`,
      ctx,
    );
  }
  if ('service' in cond) {
    const from = windowStart(cond.during, ctx);
    const excluded = cond.excludeStatus?.length ? sql` and s.status not in (${list(cond.excludeStatus)})` : sql``;
    return personIn(
      sql`select s.person_id from service_record s where s.kind in (${list(cond.service)}) and s.start_date <= ${ctx.asOf} and coalesce(s.end_date, s.start_date) >= ${from}${excluded}`,
      ctx,
    );
  }
  if ('ageOn' in cond) {
    const { bornBy, bornFrom } = birthBounds(ageReferenceDay(cond.ageOn, ctx.year, ctx.asOf), cond.from, cond.to);
    return bornFrom === null
      ? sql<boolean>`person.birth_date <= ${bornBy}`
      : sql<boolean>`(person.birth_date <= ${bornBy} and person.birth_date >= ${bornFrom})`;
  }
  if ('eligible' in cond) return eligibilitySql(cond.eligible, ctx);
  if ('anyOf' in cond) {
    if (cond.anyOf.length === 0) return sql<boolean>`1 = 0`;
    return sql<boolean>`(${sql.join(
      cond.anyOf.map((c) => compileCondition(c, ctx)),
      sql` or `,
    )})`;
  }
  if ('allOf' in cond) {
    if (cond.allOf.length === 0) return sql<boolean>`1 = 1`;
    return sql<boolean>`(${sql.join(
      cond.allOf.map((c) => compileCondition(c, ctx)),
      sql` and `,
    )})`;
  }
  return sql<boolean>`not (${compileCondition(cond.not, ctx)})`;
}
