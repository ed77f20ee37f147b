import { describe, expect, it } from 'vitest';
import { blockRuns, largeBlockSize, logBlockSize, toBlockSize } from './blocks-sql.ts';

// blockOf in JavaScript, for a household id (else a person id): what the SQL expression gives at `size`.
function blockOf(size: number, householdId: number | null, id: number): number {
  return householdId === null ? -1 - Math.trunc(id / size) : Math.trunc(householdId / size);
}

describe('blocks', () => {
  it("maps each of the log's blocks into the larger block holding the same households or ids", () => {
    for (let n = 0; n < 20_000; n += 37) {
      expect(toBlockSize([blockOf(logBlockSize, n, 0)], largeBlockSize), `household ${n}`).toEqual([blockOf(largeBlockSize, n, 0)]);
      expect(toBlockSize([blockOf(logBlockSize, null, n)], largeBlockSize), `person ${n}`).toEqual([blockOf(largeBlockSize, null, n)]);
    }
    expect(toBlockSize([0, 15, 16, -1, -16, -17], largeBlockSize)).toEqual([-2, -1, 0, 1]);
    expect(toBlockSize([5, -3, 5], logBlockSize)).toEqual([-3, 5]);
  });

  it('rejects a size that is not a multiple of the log blocks', () => {
    expect(() => toBlockSize([1], 100)).toThrow(RangeError);
    expect(() => toBlockSize([1], 32)).toThrow(RangeError);
  });

  it('joins consecutive blocks into runs, never across zero', () => {
    expect(blockRuns([3, 1, 2, 7, -1, -2, 0, 7])).toEqual([
      [-2, -1],
      [0, 3],
      [7, 7],
    ]);
  });
});
