import { describe, expect, it } from 'vitest';
import { createRandom, weightedPicker } from './random.ts';

describe('createRandom', () => {
  it('repeats the same stream for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draws = Array.from({ length: 100 }, () => [a.next(), b.next()]);
    expect(draws.every(([x, y]) => x === y)).toBe(true);
  });

  it('gives unrelated streams for nearby, negative and large seeds', () => {
    const firsts = [0, 1, 2, -1, 2 ** 32, 2 ** 40 + 1].map((seed) => createRandom(seed).next());
    expect(new Set(firsts).size).toBe(firsts.length);
  });

  it('stays in range', () => {
    const random = createRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      const n = random.int(10);
      expect(x >= 0 && x < 1).toBe(true);
      expect(Number.isInteger(n) && n >= 0 && n < 10).toBe(true);
    }
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });
});

describe('weightedPicker', () => {
  it('follows the weights', () => {
    const pick = weightedPicker<'a' | 'b' | 'c'>([
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ]);
    const random = createRandom(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) {
      counts[pick(random)]++;
    }
    expect(counts.c).toBe(0);
    expect(counts.b / 20_000).toBeCloseTo(0.75, 1);
  });

  it('rejects empty and non-positive weights', () => {
    expect(() => weightedPicker([])).toThrow(RangeError);
    expect(() => weightedPicker([['a', 0]])).toThrow(RangeError);
    expect(() => weightedPicker([['a', -1]])).toThrow(RangeError);
  });
});
