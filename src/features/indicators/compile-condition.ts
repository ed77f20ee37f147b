import { type RawBuilder, sql } from 'kysely';
import type { Condition, During, SurveyChoice, SurveyFlag } from '../../domain/indicators/conditions.ts';
import { ageReferenceDay, birthBounds } from '../../domain/indicators/evaluate.ts';
import type { Day } from '../../domain/time/day.ts';
import { eligibilitySql } from './eligibility-sql.ts';
import type { EvalContext } from './eval-context.ts';
import { enrolledDuring, hasFact, surveyAnswer, surveyRow } from './statement-facts.ts';

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

function list(values: readonly string[]): RawBuilder<unknown> {
  return values.length === 0 ? sql`null` : sql.join(values.map((v) => sql`${v}`));
}

/**
 * Compiles a declared condition to an SQL boolean over `person` and its certificate `c` valid on the date. Facts
 * of other tables are columns of the statement's per-person facts (statement-facts.ts), so a whole org unit, with
 * all its indicators, is one pass, not a loop.
 */
export function compileCondition(cond: Condition, ctx: EvalContext): RawBuilder<boolean> {
  if ('survey' in cond) return surveyAnswer(ctx, flagColumns[cond.survey], sql`= 1`);
  if ('surveyIn' in cond) return surveyAnswer(ctx, choiceColumns[cond.surveyIn], sql`in (${list(cond.values)})`);
  if ('hasSurvey' in cond) return sql<boolean>`${surveyRow(ctx)}.person_id is not null`;
  if ('enrolment' in cond) return enrolledDuring(cond.enrolment, windowStart(cond.during, ctx), ctx);
  if ('service' in cond) {
    const from = windowStart(cond.during, ctx);
    const excluded = cond.excludeStatus?.length ? sql` and s.status not in (${list(cond.excludeStatus)})` : sql``;
    return hasFact(
      ctx,
      'service',
      JSON.stringify([cond.service, from, cond.excludeStatus ?? []]),
      { kinds: cond.service, from },
      // start_date <= the date is the fact subquery's WHERE (statement-facts.ts joinsOf).
      sql<boolean>`s.kind in (${list(cond.service)}) and coalesce(s.end_date, s.start_date) >= ${from}${excluded}`,
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
