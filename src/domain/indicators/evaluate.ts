import { addDays, addYears, dayOf, type Day } from '../time/day.ts';
import type { IndicatorDefinition } from './definition.ts';

/** The additive counts one org unit contributes to an indicator; unit totals are sums of their parts. */
export type Tally = {
  /** Rate: persons in the numerator; counts: the count; income growth: sum of household incomes of the year (fen). */
  numerator: number;
  /** Rate: persons in the denominator; counts: null; income growth: sum of the same households' incomes a year before. */
  denominator: number | null;
  /** Income growth: households with answers in both years. */
  households?: number;
};

/** An org unit's level: the county, a town, or a village (社区 included). */
export type OrgLevel = 'county' | 'town' | 'village';

/** Adds two tallies of the same indicator (a town is the sum of its villages and unplaced persons). */
export function addTallies(a: Tally, b: Tally): Tally {
  const denominator = a.denominator === null && b.denominator === null ? null : (a.denominator ?? 0) + (b.denominator ?? 0);
  const households = a.households === undefined && b.households === undefined ? undefined : (a.households ?? 0) + (b.households ?? 0);
  return { numerator: a.numerator + b.numerator, denominator, ...(households === undefined ? {} : { households }) };
}

/** The indicator's value from its tally: a fraction for rates and growth, a whole number for counts; null when undefined (no one in the denominator). */
export function indicatorValue(def: IndicatorDefinition, t: Tally): number | null {
  switch (def.measure.type) {
    case 'rate':
      return t.denominator ? t.numerator / t.denominator : null;
    case 'personCount':
    case 'householdCount':
      return t.numerator;
    case 'incomeGrowth':
      return t.households && t.denominator ? t.numerator / t.denominator - 1 : null;
  }
}

/** The target the value is judged against at this level and year; null when there is none (a county-wide count at a town, an unknown GDP growth). */
export function targetValue(def: IndicatorDefinition, level: OrgLevel, parameter: number | null): number | null {
  const t = def.target;
  if (t.op === 'inStepWith') return parameter;
  return t.countyOnly && level !== 'county' ? null : t.value;
}

/** Whether the value meets the target; null when either is unknown. */
export function isMet(def: IndicatorDefinition, value: number | null, target: number | null): boolean | null {
  if (value === null || target === null) return null;
  const t = def.target;
  // A tiny epsilon so that 0.29/0.29 style float noise never fails a ">= 100%" target.
  if (t.op === 'inStepWith') return value >= target - t.tolerance - 1e-12;
  return t.op === '>=' ? value >= target - 1e-12 : value > target;
}

/** A fraction rounded to 4 decimals (0.9655), as the API shows rates. */
export function roundFraction(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/** The first day an indicator's year-long conditions count from: 1 January of the year. */
export function yearStart(year: number): Day {
  return dayOf(year, 1, 1);
}

/** The first day of the month of a date (a subsidy "paid for the month" runs on some day of it). */
export function monthStart(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The day ages are counted on: 1 September of the year (school-year convention) or the evaluation date. */
export function ageReferenceDay(on: 'sept1' | 'date', year: number, asOf: Day): Day {
  return on === 'sept1' ? dayOf(year, 9, 1) : asOf;
}

/**
 * Birth-date bounds for an age band on a reference day: aged at least `from` ⇔ born on or before `bornBy`;
 * aged at most `to` ⇔ born on or after `bornFrom` (a child born 2019-12-31 is 6 on 2025-12-31, 5 on 2025-09-01).
 */
export function birthBounds(reference: Day, from: number, to?: number): { bornBy: Day; bornFrom: Day | null } {
  return { bornBy: addYears(reference, -from), bornFrom: to === undefined ? null : addDays(addYears(reference, -(to + 1)), 1) };
}
