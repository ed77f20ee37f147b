import { describe, expect, it } from 'vitest';
import { indicatorKeys } from './definition.ts';
import { indicatorDefinition, indicatorDefinitions } from './definitions.ts';
import { addTallies, ageReferenceDay, birthBounds, indicatorValue, isMet, monthStart, roundFraction, targetValue } from './evaluate.ts';

describe('indicator definitions', () => {
  it('declare the 11 keys of FORMATS.md §6 in the plan order, numbered 1–11', () => {
    expect(indicatorDefinitions.map((d) => d.key)).toEqual([...indicatorKeys]);
    expect(indicatorDefinitions.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
  it.each([
    ['incomeGrowth', 'expected', '--', '与国内生产总值增长基本同步'],
    ['trainingCount', 'expected', '451', '489'],
    ['dibaoInclusion', 'binding', '100%', '100%'],
    ['livingSubsidyCoverage', 'binding', '100%', '100%'],
    ['nursingSubsidyCoverage', 'binding', '100%', '100%'],
    ['pensionInsuranceRate', 'expected', '92.13%', '＞90%'],
    ['medicalInsuranceRate', 'expected', '97.41%', '＞95%'],
    ['compulsoryEducationRate', 'expected', '100%', '＞97%'],
    ['rehabCoverage', 'binding', '96.55%', '＞85%'],
    ['deviceFittingRate', 'binding', '98.18%', '＞85%'],
    ['homeModifications', 'binding', '600户', '600户'],
  ] as const)('%s is %s with the plan columns %s → %s', (key, kind, baseline, target) => {
    const d = indicatorDefinition(key);
    expect([d.kind, d.baseline.text, d.targetText]).toEqual([kind, baseline, target]);
    expect(d.source.length).toBeGreaterThan(0);
  });
});

describe('values and targets', () => {
  const rate = indicatorDefinition('rehabCoverage');
  const full = indicatorDefinition('nursingSubsidyCoverage');
  const count = indicatorDefinition('homeModifications');
  const growth = indicatorDefinition('incomeGrowth');
  it.each([
    [rate, { numerator: 28, denominator: 29 }, 28 / 29],
    [rate, { numerator: 0, denominator: 0 }, null],
    [count, { numerator: 612, denominator: null }, 612],
    [growth, { numerator: 106_000, denominator: 100_000, households: 2 }, 0.06],
    [growth, { numerator: 0, denominator: 0, households: 0 }, null],
  ] as const)('value of %# is %s', (def, tally, value) => {
    const v = indicatorValue(def, tally);
    if (value === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(value, 10);
  });
  it.each([
    [rate, 0.85, false],
    [rate, 0.8501, true],
    [full, 1, true],
    [full, 0.9999, false],
    [count, 600, true],
    [count, 599, false],
    [growth, 0.041, true],
    [growth, 0.039, false],
  ] as const)('%# meets its target with %s: %s', (def, value, met) => {
    const target = targetValue(def, 'county', 0.05);
    expect(isMet(def, value, target)).toBe(met);
  });
  it('has no town target for county-wide counts, and no growth target without the GDP parameter', () => {
    expect(targetValue(count, 'town', null)).toBeNull();
    expect(targetValue(growth, 'county', null)).toBeNull();
    expect(isMet(growth, 0.05, null)).toBeNull();
  });
  it('adds tallies and rounds fractions to 4 decimals', () => {
    expect(addTallies({ numerator: 1, denominator: 2 }, { numerator: 3, denominator: 4 })).toEqual({ numerator: 4, denominator: 6 });
    expect(addTallies({ numerator: 1, denominator: null }, { numerator: 2, denominator: null })).toEqual({
      numerator: 3,
      denominator: null,
    });
    expect(roundFraction(0.96551)).toBe(0.9655);
  });
});

describe('age bands', () => {
  it.each([
    // [reference day, from, to, born, inside]
    ['2025-09-01', 6, 14, '2019-09-01', true],
    ['2025-09-01', 6, 14, '2019-09-02', false],
    ['2025-09-01', 6, 14, '2019-12-31', false], // turns 6 on 31 December: not yet of school age on 1 September
    ['2025-09-01', 6, 14, '2010-09-02', true], // 14 until 2025-09-02
    ['2025-09-01', 6, 14, '2010-09-01', false], // 15 on the day
    ['2025-12-31', 16, undefined, '2009-12-31', true],
    ['2025-12-31', 16, undefined, '2010-01-01', false],
  ] as const)('on %s, aged %i–%s: born %s inside = %s', (ref, from, to, born, inside) => {
    const b = birthBounds(ref, from, to);
    expect(born <= b.bornBy && (b.bornFrom === null || born >= b.bornFrom)).toBe(inside);
  });
  it('counts school age on 1 September and month windows from the 1st', () => {
    expect(ageReferenceDay('sept1', 2025, '2025-12-31')).toBe('2025-09-01');
    expect(ageReferenceDay('date', 2025, '2025-06-30')).toBe('2025-06-30');
    expect(monthStart('2025-12-31')).toBe('2025-12-01');
  });
});
