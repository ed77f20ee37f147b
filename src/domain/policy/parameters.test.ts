import { describe, expect, it } from 'vitest';
import { findParam, livingSubsidyMonthly, parameterCatalog } from './parameter-catalog.ts';
import { defineParam, lookup, mergeHistory, paramSetOf, valueAt, withOverrides } from './parameters.ts';

const p = defineParam<number>({
  id: 'x',
  unit: 'fen',
  description: 'x',
  source: 's',
  history: [
    { from: '2021-01-01', value: 200, source: 'b' },
    { from: '2020-01-01', value: 100, source: 'a' },
    { from: '2023-01-01', value: null, source: 'ended' },
  ],
});

describe('valueAt', () => {
  it.each([
    ['2019-12-31', undefined],
    ['2020-01-01', 100],
    ['2020-12-31', 100],
    ['2021-01-01', 200],
    ['2022-12-31', 200],
    ['2023-01-01', undefined],
  ])('on %s gives %s (before the first date and after null: not in force)', (day, expected) => {
    expect(valueAt(p, day)).toBe(expected);
  });
});

describe('parameter sets', () => {
  it('adds admin values to the catalog history, replacing a same-day entry', () => {
    const merged = mergeHistory(p.history, [
      { from: '2021-01-01', value: 210, source: 'admin' },
      { from: '2022-01-01', value: 220, source: 'admin' },
    ]);
    expect(merged.map((e) => [e.from, e.value])).toEqual([
      ['2020-01-01', 100],
      ['2021-01-01', 210],
      ['2022-01-01', 220],
      ['2023-01-01', null],
    ]);
  });

  it('withOverrides keeps history before the first override date and replaces it from then on', () => {
    const set = paramSetOf(parameterCatalog);
    const reform = withOverrides(set, { 'livingSubsidy.monthlyAmount': [{ from: '2025-07-01', value: 30_000 }] });
    expect(lookup(reform, livingSubsidyMonthly, '2025-06-30')?.value).toBe(20_900);
    expect(lookup(reform, livingSubsidyMonthly, '2026-02-01')?.value).toBe(30_000);
    expect(lookup(set, livingSubsidyMonthly, '2026-02-01')?.value).toBe(21_700);
  });

  it('catalog ids are unique, every parameter cites a source, and money is integer fen', () => {
    const ids = parameterCatalog.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of parameterCatalog) {
      expect(q.source.length).toBeGreaterThan(0);
      for (const e of q.history) {
        expect(e.source.length).toBeGreaterThan(0);
        if (q.unit === 'fen') expect(Number.isInteger(e.value)).toBe(true);
      }
    }
    expect(findParam('dibao.standard.urban')?.history).toEqual([]);
  });

  it('leaves 2022–2024 two-subsidy rates unentered (never invented)', () => {
    const years = livingSubsidyMonthly.history.map((e) => e.from.slice(0, 4));
    expect(years).toEqual(['2020', '2021', '2025', '2026']);
  });
});
