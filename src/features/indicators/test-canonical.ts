import type { IndicatorTallies } from './compute.ts';

/**
 * Test support: every indicator's tallies by org code in one order, each figure to 12 significant digits. Stored
 * results sum the income means per block and then over blocks, another order of floating-point additions than one
 * statement's.
 */
export function canonical(tallies: IndicatorTallies): unknown {
  const round = (v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);
  return [...tallies].map(([key, byOrg]) => [
    key,
    [...byOrg]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, t]) => [code, Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v)]))]),
  ]);
}
