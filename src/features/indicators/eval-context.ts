import type { Engine } from '../../db/connect.ts';
import type { Day } from '../../domain/time/day.ts';
import { monthStart, type OrgLevel, yearStart } from '../../domain/indicators/evaluate.ts';
import type { EligibilityParams } from './eligibility-params.ts';
import type { StatementFacts } from './statement-facts.ts';

/** The administrator-set values an evaluation uses (indicator_parameter), null when not entered. */
export type IndicatorParams = {
  gdpGrowth: number | null;
};

/** What one evaluation is about: the year, the date it is evaluated on, and the parameters in force. */
export type EvalContext = {
  year: number;
  asOf: Day;
  /** 1 January of the year. */
  yearStart: Day;
  /** First day of the month of asOf. */
  monthStart: Day;
  params: IndicatorParams;
  /** The benefit rules' parameters on asOf, for the eligibility of indicators 3–5. */
  policy: EligibilityParams;
  /** The engine the SQL runs on: the same results, but each gets the grouping its planner handles best. */
  engine: Engine;
  /** The facts the conditions of the statement being built ask for (see statement-facts.ts). */
  facts?: StatementFacts;
  /**
   * Set when the evaluated org unit holds a minority of the database's persons (a county of a province, a town of a
   * large county): each table of per-person facts is then read for its persons only (`narrowedTo`). Unset, each is
   * read whole, which is cheaper when the unit holds most persons (narrow-facts.ts decides).
   */
  narrowTo?: OrgFilter;
  /**
   * Group every statement's rows by block of this many households as well (blocks-sql.ts), for the stored results
   * of snapshots.ts.
   */
  blockSize?: number;
  /** Count only the persons of these blocks (of blockSize), each fact table read for them only (a refresh). */
  blocks?: readonly number[];
};

/** Builds the context for a year, evaluated on `asOf` (31 December of the year unless given). */
export function evalContext(
  year: number,
  asOf: Day,
  params: IndicatorParams,
  policy: EligibilityParams,
  engine: Engine = 'sqlite',
): EvalContext {
  return { year, asOf, yearStart: yearStart(year), monthStart: monthStart(asOf), params, policy, engine };
}

/** An org unit the evaluation is restricted to, with its level (told by its code's length). */
export type OrgFilter = { code: string; level: OrgLevel };

/** The level of an org-unit code: 6 digits a county, 9 a town, 12 a village; null otherwise. */
export function orgLevelOf(code: string): OrgLevel | null {
  if (/^\d{6}$/.test(code)) return 'county';
  if (/^\d{9}$/.test(code)) return 'town';
  if (/^\d{12}$/.test(code)) return 'village';
  return null;
}
