/**
 * Seeded pseudo-random numbers for the demo county: sfc32 seeded through splitmix32.
 * Never uses Math.random, so every demo data set is reproducible from its seed.
 */

/** A deterministic stream of pseudo-random numbers. */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
};

/** A weighted choice: each entry is a value and its (relative, non-negative) weight. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

/** splitmix32: expands one 32-bit seed word into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Returns the element at `index`, failing loudly instead of yielding undefined. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`index ${index} out of range 0..${items.length - 1}`);
  }
  return item;
}

/**
 * Creates a seeded generator (sfc32). The seed must be a safe integer; negative and large seeds are fine,
 * and seeds that differ in any bit give unrelated streams.
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${seed}`);
  }
  const mixLow = splitmix32(seed >>> 0);
  const mixHigh = splitmix32(Math.floor(seed / 0x1_0000_0000) ^ 0x5bd1e995);
  let a = mixLow() ^ mixHigh();
  let b = mixLow();
  let c = mixHigh();
  let d = mixLow() ^ 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  };
  for (let i = 0; i < 12; i++) {
    next();
  }
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => itemAt(items, Math.floor(next() * items.length)),
  };
}

/** Builds a sampler for a weighted choice (linear scan: the lists here are short). */
export function weightedPicker<T>(entries: Weighted<T>): (random: Random) => T {
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    if (!(weight >= 0)) {
      throw new RangeError(`weight must be non-negative, got ${weight}`);
    }
    total += weight;
    cumulative.push(total);
  }
  if (values.length === 0 || total <= 0) {
    throw new RangeError('a weighted choice needs at least one positive weight');
  }
  return (random) => {
    const target = random.next() * total;
    for (let i = 0; i < cumulative.length; i++) {
      if (target < itemAt(cumulative, i)) {
        return itemAt(values, i);
      }
    }
    return itemAt(values, values.length - 1);
  };
}
