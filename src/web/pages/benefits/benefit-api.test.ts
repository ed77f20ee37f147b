import { describe, expect, it } from 'vitest';
import { yuan } from '../../money.ts';
import { chinaToday, daysBetween, queryOf } from './benefit-api.ts';

describe('benefit page helpers', () => {
  it('counts calendar days and formats China today', () => {
    expect(daysBetween('2026-11-29', '2026-12-01')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-29')).toBe(-2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    // 2026-11-29 17:00 UTC is already the 30th in China.
    expect(chinaToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });

  it('formats fen and query strings', () => {
    expect(yuan(21_700)).toBe('217.00');
    expect(yuan(null)).toBe('—');
    expect(queryOf({ a: 'x', b: '', c: undefined, d: 3 })).toBe('a=x&d=3');
  });
});
