import type { IndicatorResult } from '../../contracts/indicators.ts';
import type { IndicatorDefinition } from '../../domain/indicators/definition.ts';
import { indicatorValue, isMet, type OrgLevel, roundFraction, type Tally, targetValue } from '../../domain/indicators/evaluate.ts';
import type { IndicatorParams } from './eval-context.ts';

/**
 * One indicator as FORMATS.md §6 shows it. Rates: persons over persons, value a fraction. Counts: numerator the
 * count, denominator null. Income growth: numerator and denominator the mean household per-capita monthly income
 * (fen) of the year and of the year before, over the same households.
 */
export function presentIndicator(def: IndicatorDefinition, tally: Tally, level: OrgLevel, params: IndicatorParams): IndicatorResult {
  const value = indicatorValue(def, tally);
  const target = targetValue(def, level, def.target.op === 'inStepWith' ? params.gdpGrowth : null);
  const income = def.measure.type === 'incomeGrowth';
  const households = tally.households ?? 0;
  return {
    key: def.key,
    name: def.name.zh,
    nameEn: def.name.en,
    numerator: income ? (households ? Math.round(tally.numerator / households) : 0) : tally.numerator,
    denominator: income ? (households ? Math.round((tally.denominator ?? 0) / households) : 0) : tally.denominator,
    value: def.unit === 'fraction' ? roundFraction(value) : value,
    target,
    kind: def.kind,
    met: isMet(def, value, target),
    unit: def.unit,
    baseline: def.baseline.value,
  };
}
