import { describe, expect, it } from 'vitest';
import { addYears, civilFromDay, compactDay, dayFromCivil, formatDay, parseDay } from './days.ts';

describe('day numbers', () => {
  it('agree with Date.UTC over two centuries', () => {
    for (let day = dayFromCivil(1900, 1, 1); day <= dayFromCivil(2100, 12, 31); day += 17) {
      expect(formatDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('parse and format round-trip', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(compactDay(parseDay('1990-01-05'))).toBe('19900105');
    expect(civilFromDay(parseDay('2000-12-31'))).toEqual([2000, 12, 31]);
  });

  it('reject malformed and impossible dates', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-1-1', '20240101', '']) {
      expect(() => parseDay(text)).toThrow(RangeError);
    }
  });

  it('add years like domain/time/day.ts: 29 February becomes 28 February in a common year', () => {
    expect(formatDay(addYears(parseDay('2015-06-30'), 10) - 1)).toBe('2025-06-29');
    expect(formatDay(addYears(parseDay('2016-02-29'), 10) - 1)).toBe('2026-02-27');
    expect(formatDay(addYears(parseDay('2016-02-29'), 8))).toBe('2024-02-29');
    expect(formatDay(addYears(parseDay('2024-03-01'), -10))).toBe('2014-03-01');
  });
});
