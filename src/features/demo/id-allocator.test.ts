import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/identity/id-number.ts';
import { formatDay, parseDay } from './days.ts';
import { createIdAllocator } from './id-allocator.ts';

const asOfDay = parseDay('2025-01-01');
const birthDay = parseDay('1960-05-01');

describe('createIdAllocator', () => {
  it('uses every odd sequence of a day for men, then moves to the day before', () => {
    const ids = createIdAllocator(['441821'], asOfDay, 40_000, 9);
    const issued = Array.from({ length: 600 }, () => ids.allocate('441821', birthDay, true));
    const numbers = issued.map((id) => id.idNumber);
    expect(new Set(numbers).size).toBe(600);
    expect(numbers.every((n) => Number(n[16]) % 2 === 1 && n[17] === idCheckChar(n.slice(0, 17)))).toBe(true);
    expect(issued.filter((id) => id.birthDay === birthDay)).toHaveLength(500);
    expect(formatDay(issued[599]?.birthDay ?? 0)).toBe('1960-04-30');
    expect(numbers[599]?.slice(6, 14)).toBe('19600430');
  });

  it('gives women even sequences 002–998', () => {
    const ids = createIdAllocator(['441821'], asOfDay, 40_000, 9);
    const sequences = Array.from({ length: 499 }, () => Number(ids.allocate('441821', birthDay, false).idNumber.slice(14, 17)));
    expect(new Set(sequences).size).toBe(499);
    expect(sequences.every((s) => s % 2 === 0 && s >= 2 && s <= 998)).toBe(true);
  });

  it('refuses unknown regions and births outside the range', () => {
    const ids = createIdAllocator(['441821'], asOfDay, 1_000, 9);
    expect(() => ids.allocate('441802', asOfDay - 10, true)).toThrow(RangeError);
    expect(() => ids.allocate('441821', asOfDay + 1, true)).toThrow(RangeError);
    expect(() => ids.allocate('441821', asOfDay - 1_001, true)).toThrow(RangeError);
  });
});
