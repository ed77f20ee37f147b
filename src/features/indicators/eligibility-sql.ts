import { type RawBuilder, sql } from 'kysely';
import type { Eligibility, Program } from '../../domain/indicators/conditions.ts';
import type { EvalContext } from './eval-context.ts';
import { enrolledDuring, surveyAnswer } from './statement-facts.ts';

// Stand-in eligibility rules for indicators 3–5, in SQL over `person` and its certificate `c` valid on the date.
// They follow DOMAIN.md §4 as simply as the stored facts allow; when the benefits engine's shared rules
// (src/domain/policy/) land, this ONE file is what to replace. Not covered for lack of data: orphan support,
// the work-injury care allowance, disabled servicemen (残疾军人), the household asset test.

/** Options of the stand-in rules (DOMAIN.md §4.2: tekun persons get neither subsidy, "configurable"). */
export type EligibilityOptions = { tekunExcludedFromNursing: boolean };

/** The defaults: the national rule (tekun excludes both subsidies). */
export const defaultEligibilityOptions: EligibilityOptions = { tekunExcludedFromNursing: true };

/** The person is in an enrolment of one of the programmes running on the date. */
export function enrolledOn(programs: readonly Program[], ctx: EvalContext): RawBuilder<boolean> {
  return enrolledDuring(programs, ctx.asOf, ctx);
}

/** Severe (level 1–2), or level 3–4 intellectual or mental, by the certificate valid on the date. */
function severeOrIntellectualMental(): RawBuilder<boolean> {
  return sql<boolean>`(c.level <= 2 or c.category in ('intellectual', 'mental'))`;
}

/** Household per-capita income of the year's survey below the dibao standard of the person's hukou (when entered). */
function incomeBelowDibaoStandard(ctx: EvalContext): RawBuilder<boolean> {
  const { dibaoStandardUrbanFen: urban, dibaoStandardRuralFen: rural } = ctx.params;
  const below = (standard: number) => surveyAnswer(ctx, 'income_per_capita_fen', sql`< ${standard}`);
  const parts: RawBuilder<unknown>[] = [];
  if (urban !== null) parts.push(sql`(person.hukou = 'urban' and ${below(urban)})`);
  // No hukou recorded: the rural standard (most holders here are rural; the lower line errs towards fewer gaps).
  if (rural !== null) parts.push(sql`(coalesce(person.hukou, 'rural') <> 'urban' and ${below(rural)})`);
  return parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * dibao: already in dibao; or, outside tekun, a low-income (低保边缘) household's level 1–2 or level 3–4
 * intellectual/mental member ("单人户", plan 四(一)3), or a household income below the entered standard.
 */
function dibaoEligible(ctx: EvalContext): RawBuilder<boolean> {
  const single = sql`(${enrolledOn(['lowIncome'], ctx)} and ${severeOrIntellectualMental()})`;
  return sql<boolean>`(${enrolledOn(['dibao'], ctx)} or (not (${enrolledOn(['tekun'], ctx)}) and (${single} or ${incomeBelowDibaoStandard(ctx)})))`;
}

/** livingSubsidy: in a dibao or low-income household on the date (Guangdong covers 低保边缘), not in tekun. */
function livingSubsidyEligible(ctx: EvalContext): RawBuilder<boolean> {
  return sql<boolean>`(${enrolledOn(['dibao', 'lowIncome'], ctx)} and not (${enrolledOn(['tekun'], ctx)}))`;
}

/** nursingSubsidy: level 1–2, or level 3–4 intellectual/mental (Guangdong); no income test; tekun excluded by default. */
function nursingSubsidyEligible(ctx: EvalContext, options: EligibilityOptions): RawBuilder<boolean> {
  if (!options.tekunExcludedFromNursing) return severeOrIntellectualMental();
  return sql<boolean>`(${severeOrIntellectualMental()} and not (${enrolledOn(['tekun'], ctx)}))`;
}

/** The SQL condition "eligible for the benefit on the evaluation date" over `person` and certificate `c`. */
export function eligibilitySql(
  benefit: Eligibility,
  ctx: EvalContext,
  options: EligibilityOptions = defaultEligibilityOptions,
): RawBuilder<boolean> {
  switch (benefit) {
    case 'dibao':
      return dibaoEligible(ctx);
    case 'livingSubsidy':
      return livingSubsidyEligible(ctx);
    case 'nursingSubsidy':
      return nursingSubsidyEligible(ctx, options);
  }
}
