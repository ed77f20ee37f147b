/**
 * Hands out unique, valid resident ID numbers (GB 11643) for the demo county without remembering them:
 * one small counter per (region code, birth day, sex) is enough, so a million persons need ~2 MB.
 */
import { idCheckChar } from '../../domain/identity/id-number.ts';
import { compactDay } from './days.ts';

/** Allocates ID numbers; see `createIdAllocator`. */
export type IdAllocator = {
  /**
   * A fresh ID number for a person born on `birthDay` (a day number). In the (practically unreachable) case
   * that all sequence numbers of that day are taken, the birth day moves one day earlier: always use the
   * returned `birthDay`.
   */
  allocate(region: string, birthDay: number, male: boolean): { idNumber: string; birthDay: number };
};

/** Sequence numbers per day and sex: odd 001–999 for men, even 002–998 for women. */
const capacity = { male: 500, female: 499 } as const;
/** Coprime with both capacities, so successive numbers of one day are distinct and look scattered. */
const stride = 7;

/** A 32-bit integer hash (lowbias32), mixing the seed into each counter's starting point. */
function hash32(value: number, seed: number): number {
  let x = (value ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Creates an allocator for persons born within `maxAgeDays` before `asOfDay` (inclusive), with the given
 * region codes (6 digits each). IDs from different seeds use different sequence numbers.
 */
export function createIdAllocator(regions: readonly string[], asOfDay: number, maxAgeDays: number, seed: number): IdAllocator {
  const regionIndex = new Map(regions.map((code, i) => [code, i]));
  const span = maxAgeDays + 1;
  const counters = new Uint16Array(regions.length * span * 2);
  const slotOf = (region: string, birthDay: number, male: boolean): number => {
    const index = regionIndex.get(region);
    const age = asOfDay - birthDay;
    if (index === undefined || age < 0 || age > maxAgeDays) {
      throw new RangeError(`cannot allocate an ID for region ${region}, birth day ${birthDay}`);
    }
    return (index * span + age) * 2 + (male ? 1 : 0);
  };
  return {
    allocate(region, birthDay, male) {
      const cap = male ? capacity.male : capacity.female;
      let day = birthDay;
      let slot = slotOf(region, day, male);
      while ((counters[slot] ?? 0) >= cap) {
        day -= 1;
        slot = slotOf(region, day, male);
      }
      const count = counters[slot] ?? 0;
      counters[slot] = count + 1;
      const position = (hash32(slot, seed) + count * stride) % cap;
      const sequence = male ? 2 * position + 1 : 2 * position + 2;
      const first17 = region + compactDay(day) + String(sequence).padStart(3, '0');
      return { idNumber: first17 + idCheckChar(first17), birthDay: day };
    },
  };
}
