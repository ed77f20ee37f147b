import { type RawBuilder, sql } from 'kysely';
import type { Eligibility } from '../../domain/indicators/conditions.ts';
import type { EvalContext } from './eval-context.ts';
import { isRestricted, narrowedTo, restrictionOf } from './population-sql.ts';
import { enrolledDuring, hasFact, namedJoin, personsIn } from './statement-facts.ts';

// Eligibility for indicators 3–5 in SQL over `person` and its certificate `c` valid on the date: the benefit rules
// of src/domain/policy/rules/ (dibao.ts, living-subsidy.ts, nursing-subsidy.ts) condition by condition, with their
// parameters resolved on the date (eligibility-params.ts), so that the indicator counts whom the gap lists call
// eligible. eligibility-agreement.test.ts holds the two to the same persons. The indicator population already
// requires alive, not moved out, and a certificate in effect (population-sql.ts); the rules' other conditions follow.

/** The person's own enrolment in one of the programmes is active on the date (the rules' activeEnrolment). */
function ownActive(programs: readonly string[], ctx: EvalContext): RawBuilder<boolean> {
  return enrolledDuring(programs, ctx.asOf, ctx);
}

/**
 * When the statement counts a range of persons, or the persons of a narrowed org unit or of some blocks: only their
 * households (every member's enrolments still count, wherever the member lives).
 */
function householdsCounted(ctx: EvalContext): RawBuilder<unknown> {
  // Some blocks only (a refresh): a household lies in one block, so its members are the blocks' persons.
  if (ctx.blocks && !ctx.narrowTo && !ctx.facts?.persons) return narrowedTo(ctx, sql`e.person_id`);
  const restricted = isRestricted(ctx);
  if (!ctx.facts?.persons && !restricted) return sql``;
  const some = restricted ? sql` and ${restrictionOf(ctx, 'p')}` : sql``;
  const households = sql`select p.household_id from person p where p.household_id is not null${personsIn(ctx, sql`p.id`)}${some}`;
  if (!restricted) return sql` and m.household_id in (${households})`;
  // Narrowed to a few persons of many: read the enrolments of their households' members (by person), not every
  // dibao enrolment of the database.
  return sql` and e.person_id in (select pm.id from person pm where pm.household_id in (${households}))`;
}

/** Dibao and low-income (低保边缘) enrolments active on the date, per household (of any member). */
function householdFlags(ctx: EvalContext): RawBuilder<unknown> {
  return namedJoin(
    ctx,
    'hf',
    sql`left join (select m.household_id, max(case when e.program = 'dibao' then 1 else 0 end) as dibao,
        max(case when e.program = 'lowIncome' then 1 else 0 end) as low_income
      from enrolment e join person m on m.id = e.person_id
      where m.household_id is not null and e.program in ('dibao', 'lowIncome')
        and e.start_date <= ${ctx.asOf} and (e.end_date is null or e.end_date >= ${ctx.asOf})${householdsCounted(ctx)}
      group by m.household_id) hf on hf.household_id = person.household_id`,
  );
}

/** The person's household (or the person alone) is enrolled in dibao or lowIncome on the date (householdEnrolment). */
function householdEnrolled(program: 'dibao' | 'lowIncome', ctx: EvalContext): RawBuilder<boolean> {
  const column = sql.raw(program === 'dibao' ? 'dibao' : 'low_income');
  return sql<boolean>`(${ownActive([program], ctx)} or coalesce(${householdFlags(ctx)}.${column}, 0) = 1)`;
}

/** HUKOU_IN_COUNTY: no HK/Macao/Taiwan residence permit (moving out is the population's). */
function countyHukou(): RawBuilder<boolean> {
  return sql<boolean>`person.residence_permit is null`;
}

/** CERTIFICATE_VALID beyond the population's: issued by the date, and not past 10 years from issue without a stored expiry. */
function certificateValid(ctx: EvalContext): RawBuilder<boolean> {
  const { certificateIssuedFrom } = ctx.policy;
  return sql<boolean>`(c.issued_on is null or c.issued_on <= ${ctx.asOf})
    and (c.valid_until is not null or c.issued_on is null or c.issued_on >= ${certificateIssuedFrom})`;
}

function inList(column: RawBuilder<unknown>, values: readonly (string | number)[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`${column} in (${sql.join(values.map((v) => sql`${v}`))})`;
}

function flag(value: boolean): RawBuilder<boolean> {
  return value ? sql<boolean>`1 = 1` : sql<boolean>`1 = 0`;
}

/** NOT_TEKUN of the two subsidies: no own tekun enrolment, unless the parameter lets tekun persons have them. */
function notExcludedByTekun(ctx: EvalContext): RawBuilder<boolean> {
  if (!ctx.policy.tekunExcludesSubsidies) return flag(true);
  return sql<boolean>`not (${ownActive(['tekun'], ctx)})`;
}

/** The latest of the person's current survey rows of the date's year and the year before (the rules' income). */
function surveyIncome(ctx: EvalContext): RawBuilder<unknown> {
  const year = Number(ctx.asOf.slice(0, 4));
  const join = (alias: string, y: number) =>
    namedJoin(
      ctx,
      alias,
      sql`left join needs_survey ${sql.raw(alias)} on ${sql.raw(alias)}.person_id = person.id
      and ${sql.raw(alias)}.year = ${y} and ${sql.raw(alias)}.superseded_at is null`,
    );
  const now = join('inc0', year);
  const before = join('inc1', year - 1);
  return sql`(case when ${now}.person_id is not null then ${now}.income_per_capita_fen else ${before}.income_per_capita_fen end)`;
}

/** The dibao standard of the person's hukou (urban, else rural) on the date, as SQL (null when not entered). */
function dibaoStandard(ctx: EvalContext): RawBuilder<unknown> | null {
  const { dibaoStandardUrbanFen: urban, dibaoStandardRuralFen: rural } = ctx.policy;
  if (urban === null && rural === null) return null;
  // Cast: PostgreSQL types an untyped parameter in a CASE as text.
  const fen = (v: number | null) => (v === null ? sql`null` : sql`cast(${v} as integer)`);
  return sql`(case when person.hukou = 'urban' then ${fen(urban)} else ${fen(rural)} end)`;
}

/** HOUSEHOLD_BELOW_STANDARD: household per-capita income below the standard. */
function belowStandard(ctx: EvalContext): RawBuilder<boolean> {
  const standard = dibaoStandard(ctx);
  if (!standard) return flag(false);
  const income = surveyIncome(ctx);
  return sql<boolean>`(${income} is not null and ${standard} is not null and ${income} < ${standard})`;
}

/** LOW_INCOME_LINE: a 低保边缘 household by civil affairs' list, or income at most the standard × the 低保边缘 multiple. */
function withinLowIncomeLine(ctx: EvalContext): RawBuilder<boolean> {
  const listed = householdEnrolled('lowIncome', ctx);
  const standard = dibaoStandard(ctx);
  const permille = ctx.policy.lowIncomeMultiplierPermille;
  if (!standard || permille === null) return listed;
  const income = surveyIncome(ctx);
  return sql<boolean>`(${listed} or (${income} is not null and ${standard} is not null and ${income} * 1000 <= ${standard} * cast(${permille} as integer)))`;
}

/** SINGLE_PERSON: the 2021 rule (level 1–2 or intellectual/mental) or, before it, the 2012 rule (adult, level 1–2). */
function singlePerson(ctx: EvalContext): RawBuilder<boolean> {
  const group =
    ctx.asOf >= ctx.policy.singlePerson2021From
      ? sql<boolean>`(c.level <= 2 or c.category in ('intellectual', 'mental'))`
      : sql<boolean>`(c.level <= 2 and person.birth_date is not null and person.birth_date <= ${ctx.policy.adultBornBy})`;
  return sql<boolean>`(${certificateValid(ctx)} and ${group} and ${withinLowIncomeLine(ctx)})`;
}

/** dibao (rules/dibao.ts): county hukou, not tekun, and confirmed by civil affairs or the income test or single person. */
function dibaoEligible(ctx: EvalContext): RawBuilder<boolean> {
  const income = sql`(${householdEnrolled('dibao', ctx)} or ${belowStandard(ctx)} or ${singlePerson(ctx)})`;
  return sql<boolean>`(${countyHukou()} and not (${ownActive(['tekun'], ctx)}) and ${income})`;
}

/** livingSubsidy (rules/living-subsidy.ts). */
function livingSubsidyEligible(ctx: EvalContext): RawBuilder<boolean> {
  const p = ctx.policy;
  const hardship = p.livingSubsidyIncludesLowIncome
    ? sql<boolean>`(${householdEnrolled('dibao', ctx)} or ${householdEnrolled('lowIncome', ctx)})`
    : householdEnrolled('dibao', ctx);
  const notWorkInjury = p.workInjuryCareOverlap === 'neither' ? sql<boolean>`not (${ownActive(['workInjuryCare'], ctx)})` : flag(true);
  return sql<boolean>`(${flag(p.livingSubsidyInForce)} and ${countyHukou()} and ${certificateValid(ctx)} and ${hardship}
    and ${notExcludedByTekun(ctx)} and not (${ownActive(['orphanSupport'], ctx)}) and ${notWorkInjury})`;
}

/** An own active enrolment of the programme paying at least the nursing subsidy, or an unknown amount (择高 loses). */
function notLowerThanNursing(program: string, ctx: EvalContext): RawBuilder<boolean> {
  const nursing = ctx.policy.nursingSubsidyMonthlyFen;
  const amount =
    nursing === null ? sql<boolean>`1 = 1` : sql<boolean>`(e.monthly_amount_fen is null or e.monthly_amount_fen >= ${nursing})`;
  return hasFact(
    ctx,
    'enrolment',
    JSON.stringify(['overlap', program, ctx.asOf, nursing]),
    { kinds: [program], from: ctx.asOf },
    sql<boolean>`e.program = ${program} and e.start_date <= ${ctx.asOf} and (e.end_date is null or e.end_date >= ${ctx.asOf}) and ${amount}`,
  );
}

/** CARE_ALLOWANCE_OVERLAP: the work-injury care allowance decides first, then the elderly care subsidy. */
function overlapChoosesNursing(ctx: EvalContext): RawBuilder<boolean> {
  const workInjury = ownActive(['workInjuryCare'], ctx);
  if (ctx.policy.workInjuryCareOverlap === 'neither') {
    return sql<boolean>`(not (${workInjury}) and not (${notLowerThanNursing('elderlyCareSubsidy', ctx)}))`;
  }
  return sql<boolean>`(case when ${workInjury} then not (${notLowerThanNursing('workInjuryCare', ctx)})
    else not (${notLowerThanNursing('elderlyCareSubsidy', ctx)}) end)`;
}

/** nursingSubsidy (rules/nursing-subsidy.ts): level scope by parameter, no income test. */
function nursingSubsidyEligible(ctx: EvalContext): RawBuilder<boolean> {
  const p = ctx.policy;
  const scope = sql<boolean>`(${inList(sql`c.level`, p.nursingSubsidyLevels)}
    or (${inList(sql`c.category`, p.nursingSubsidyExtendedCategories)} and ${inList(sql`c.level`, p.nursingSubsidyExtendedLevels)}))`;
  return sql<boolean>`(${flag(p.nursingSubsidyInForce)} and ${countyHukou()} and ${certificateValid(ctx)} and ${scope}
    and ${notExcludedByTekun(ctx)} and ${overlapChoosesNursing(ctx)})`;
}

/** The SQL condition "eligible for the benefit on the evaluation date" over `person` and certificate `c`. */
export function eligibilitySql(benefit: Eligibility, ctx: EvalContext): RawBuilder<boolean> {
  switch (benefit) {
    case 'dibao':
      return dibaoEligible(ctx);
    case 'livingSubsidy':
      return livingSubsidyEligible(ctx);
    case 'nursingSubsidy':
      return nursingSubsidyEligible(ctx);
  }
}
