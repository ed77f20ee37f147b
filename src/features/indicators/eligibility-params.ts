import type { Category } from '../../domain/disability/category.ts';
import type { Level } from '../../domain/disability/level.ts';
import { dibaoStandardRural, dibaoStandardUrban, lowIncomeMultiplier } from '../../domain/policy/parameter-catalog-more.ts';
import {
  livingSubsidyIncludesLowIncome,
  livingSubsidyInForce,
  nursingSubsidyExtendedCategories,
  nursingSubsidyExtendedLevels,
  nursingSubsidyInForce,
  nursingSubsidyLevels,
  nursingSubsidyMonthly,
  tekunExcludesSubsidies,
  workInjuryCareOverlap,
} from '../../domain/policy/parameter-catalog.ts';
import { type ParamSet, lookup } from '../../domain/policy/parameters.ts';
import { singlePerson2021From } from '../../domain/policy/rules/dibao.ts';
import { addDays, addYears, type Day } from '../../domain/time/day.ts';

/**
 * The benefit rules' parameters (src/domain/policy/, the county admin's 政策参数) in force on the evaluation date,
 * as plain values the eligibility SQL can inline: indicators 3–5 then count exactly whom the rules find eligible.
 */
export type EligibilityParams = {
  livingSubsidyInForce: boolean;
  livingSubsidyIncludesLowIncome: boolean;
  nursingSubsidyInForce: boolean;
  nursingSubsidyLevels: readonly Level[];
  nursingSubsidyExtendedCategories: readonly Category[];
  nursingSubsidyExtendedLevels: readonly Level[];
  nursingSubsidyMonthlyFen: number | null;
  tekunExcludesSubsidies: boolean;
  workInjuryCareOverlap: 'higher' | 'neither';
  dibaoStandardUrbanFen: number | null;
  dibaoStandardRuralFen: number | null;
  lowIncomeMultiplierPermille: number | null;
  /** The single-person-household rule of 民发〔2021〕57号 applies from this day (before: the 2012 rule). */
  singlePerson2021From: Day;
  /** A certificate issued before this day, without a stored expiry, has expired by the date (10 years). */
  certificateIssuedFrom: Day;
  /** Born on or before this day: 18 or older on the date. */
  adultBornBy: Day;
};

/** The earliest issue date whose 10-year validity (残疾人证管理办法 Art. 19, addYears) still covers `day`. */
function earliestIssueCovering(day: Day): Day {
  let issued = addDays(addYears(day, -10), -3);
  while (addYears(issued, 10) < day) issued = addDays(issued, 1);
  return issued;
}

/** Resolves the parameters on `day` the way the rules do (same lookups, same defaults). */
export function eligibilityParams(set: ParamSet, day: Day): EligibilityParams {
  return {
    livingSubsidyInForce: lookup(set, livingSubsidyInForce, day)?.value === true,
    livingSubsidyIncludesLowIncome: lookup(set, livingSubsidyIncludesLowIncome, day)?.value === true,
    nursingSubsidyInForce: lookup(set, nursingSubsidyInForce, day)?.value === true,
    nursingSubsidyLevels: lookup(set, nursingSubsidyLevels, day)?.value ?? [],
    nursingSubsidyExtendedCategories: lookup(set, nursingSubsidyExtendedCategories, day)?.value ?? [],
    nursingSubsidyExtendedLevels: lookup(set, nursingSubsidyExtendedLevels, day)?.value ?? [],
    nursingSubsidyMonthlyFen: lookup(set, nursingSubsidyMonthly, day)?.value ?? null,
    tekunExcludesSubsidies: lookup(set, tekunExcludesSubsidies, day)?.value !== false,
    workInjuryCareOverlap: lookup(set, workInjuryCareOverlap, day)?.value ?? 'higher',
    dibaoStandardUrbanFen: lookup(set, dibaoStandardUrban, day)?.value ?? null,
    dibaoStandardRuralFen: lookup(set, dibaoStandardRural, day)?.value ?? null,
    lowIncomeMultiplierPermille: lookup(set, lowIncomeMultiplier, day)?.value ?? null,
    singlePerson2021From,
    certificateIssuedFrom: earliestIssueCovering(day),
    adultBornBy: addYears(day, -18),
  };
}
