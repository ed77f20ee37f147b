import { type RawBuilder, sql } from 'kysely';

// A block is a fixed set of households (and of persons without one): the unit in which stored indicator results
// (snapshots.ts) are kept and refreshed. A household never spans two blocks, so every statement's figures (rates
// per person, income per household, households counted) add up exactly over blocks. A person without a household
// has a negative block of its own id range, so persons and households never share one.
//
// The triggers of migration 2026_11_29_1300_indicator_snapshots write the same expression; they must agree (tested
// in snapshots.test.ts).

/** Households (or persons without one) per block: ~2,500 persons, ~400 blocks per million persons. */
export const blockSize = 1024;

const size = sql.lit(blockSize);

/** The block of the person `alias`: its household's, else -1 - its id's. */
export function blockOf(alias: string): RawBuilder<number> {
  const p = sql.raw(alias);
  return sql<number>`(case when ${p}.household_id is null then -1 - ${p}.id / ${size} else ${p}.household_id / ${size} end)`;
}

/** Runs of consecutive blocks, [first, last] each, in order. */
export function blockRuns(blocks: readonly number[]): [number, number][] {
  const sorted = [...new Set(blocks)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const b of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === b - 1 && b < 0 === last[1] < 0) last[1] = b;
    else runs.push([b, b]);
  }
  return runs;
}

/**
 * The person `alias` is in one of the blocks, written as ranges of household ids (and of ids, for persons without a
 * household) so that it is found through the household index or the primary key, not by computing every person's
 * block.
 */
export function inBlocks(blocks: readonly number[], alias: string): RawBuilder<boolean> {
  const p = sql.raw(alias);
  const terms = blockRuns(blocks).map(([first, last]) => {
    if (first >= 0) return sql`${p}.household_id between ${first * blockSize} and ${(last + 1) * blockSize - 1}`;
    // Block -1 - k holds the ids k·size … (k+1)·size - 1; `last` is the larger block, so the smaller k.
    const [lo, hi] = [-1 - last, -1 - first];
    return sql`(${p}.household_id is null and ${p}.id between ${lo * blockSize} and ${(hi + 1) * blockSize - 1})`;
  });
  return terms.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(terms, sql` or `)})`;
}
