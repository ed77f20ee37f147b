import type { Condition, Program, ServiceKind } from './conditions.ts';

/** The 11 indicator keys of FORMATS.md §6, in the plan's order. */
export const indicatorKeys = [
  'incomeGrowth',
  'trainingCount',
  'dibaoInclusion',
  'livingSubsidyCoverage',
  'nursingSubsidyCoverage',
  'pensionInsuranceRate',
  'medicalInsuranceRate',
  'compulsoryEducationRate',
  'rehabCoverage',
  'deviceFittingRate',
  'homeModifications',
] as const;

/** One of the plan's indicators. */
export type IndicatorKey = (typeof indicatorKeys)[number];

/** True when the text is an indicator key. */
export function isIndicatorKey(text: string): text is IndicatorKey {
  return (indicatorKeys as readonly string[]).includes(text);
}

/** Why a person is on a gap list: a stable code and a Chinese sentence staff can act on. */
export type GapReason = { code: string; message: string };

/**
 * How an indicator is measured. `rate`: persons in the population meeting the denominator condition, of whom those
 * meeting the numerator. `personCount`: distinct certificate holders with a qualifying event in the year.
 * `householdCount`: distinct households with a qualifying event from `since` to the date (cumulative).
 * `incomeGrowth`: mean household per-capita income of the year over the previous year's, same households.
 */
export type Measure =
  | { type: 'rate'; denominator: Condition; numerator: Condition }
  | {
      type: 'personCount' | 'householdCount';
      services: readonly ServiceKind[];
      serviceStatus: readonly string[];
      enrolments?: readonly Program[];
      surveyFlag?: 'trainingCompleted';
      /** First day counted: the year's 1 January when absent, else a fixed day (cumulative indicators). */
      since?: string;
      /** The persons a gap list shows (those meeting it without a qualifying event); none when absent. */
      gapPopulation?: Condition;
    }
  | { type: 'incomeGrowth'; parameter: string };

/**
 * The target and how a value is judged against it: a fixed bound (`>=` for "100%" and counts, `>` for "＞90%"), or
 * in step with an administrator-set yearly parameter within a tolerance (income growth vs GDP growth).
 */
export type Target = { op: '>=' | '>'; value: number; countyOnly?: boolean } | { op: 'inStepWith'; parameter: string; tolerance: number };

/** One indicator of the plan's table 主要指标, declared as data. */
export type IndicatorDefinition = {
  key: IndicatorKey;
  /** Position in the plan's table (1–11). */
  number: number;
  name: { zh: string; en: string };
  /** 类别 of the plan's table. */
  group: { zh: string; en: string };
  unit: 'fraction' | 'persons' | 'households';
  /** The 2020 column of the plan, as printed, and as a number where it is one. */
  baseline: { text: string; value: number | null };
  /** The 2025 column of the plan, as printed. */
  targetText: string;
  target: Target;
  /** 约束性 binding or 预期性 expected. */
  kind: 'binding' | 'expected';
  measure: Measure;
  /** Reason shown on the gap list for a person in the denominator but not the numerator. */
  gapReason: GapReason;
  /** Where the definition comes from (plan, national statistics, policy-sources.md). */
  source: string;
  /** The reading chosen where DOMAIN.md marks the definition "(check)" (also in docs/indicators.md). */
  choice?: string;
};
