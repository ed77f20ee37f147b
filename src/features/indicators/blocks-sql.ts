import { type RawBuilder, sql } from 'kysely';

// A block is a fixed set of households (and of persons without one): the unit in which stored indicator results
// (snapshots.ts) are kept and refreshed. A household never spans two blocks, so every statement's figures (rates
// per person, income per household, households counted) add up exactly over blocks. A person without a household
// has a negative block of its own id range, so persons and households never share one.
//
// Blocks come in two sizes. The change log's triggers (migration 2026_11_29_1900) log blocks of `logBlockSize`
// households, the finest a snapshot can refresh, and must agree with `blockOf` at that size (tested in
// snapshots.test.ts). A snapshot stores blocks of one size, chosen when it is built (`snapshotBlockSize`): a
// multiple of the log's, so that each logged block lies in exactly one of its blocks (`toBlockSize`).

/** Households (or persons without one) per block of the change log: ~85–160 persons. */
export const logBlockSize = 64;

/** Households per block of a large unit's snapshot: 16 of the log's blocks, ~400 blocks per million persons. */
export const largeBlockSize = 1024;

/**
 * Up to this many persons in its org unit a snapshot stores the log's own blocks: a few edits then refresh a few
 * hundred persons (10 edits in a county of 10,000: ~1,000 persons instead of all of them). Above it, blocks of
 * `largeBlockSize`: each block holds rows for every village among its households, and where households are numbered
 * across villages (the demo), blocks of 64 would store and group ~8× more rows: 160 MB and a 2× slower build at
 * 1,000,000 persons. SMART_DPF_SNAPSHOT_SMALL_UNIT_PERSONS overrides (tests set it to 0 to store large blocks).
 */
export function snapshotBlockSize(persons: number): number {
  const limit = Number(process.env.SMART_DPF_SNAPSHOT_SMALL_UNIT_PERSONS ?? 50_000);
  return persons <= limit ? logBlockSize : largeBlockSize;
}

/** The block of the person `alias` at `size` households per block: its household's, else -1 - its id's. */
export function blockOf(alias: string, size: number): RawBuilder<number> {
  const p = sql.raw(alias);
  const s = sql.lit(size);
  return sql<number>`(case when ${p}.household_id is null then -1 - ${p}.id / ${s} else ${p}.household_id / ${s} end)`;
}

/**
 * The blocks of `size` households holding the log's blocks (size a multiple of logBlockSize): household block b
 * lies in b / k, and id block -1 - j (ids j·64 …) in -1 - j / k, with k = size / logBlockSize.
 */
export function toBlockSize(logged: readonly number[], size: number): number[] {
  const k = size / logBlockSize;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`block size ${size} is not a multiple of ${logBlockSize}`);
  const blocks = logged.map((b) => (b >= 0 ? Math.floor(b / k) : -1 - Math.floor((-1 - b) / k)));
  return [...new Set(blocks)].sort((a, b) => a - b);
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
export function inBlocks(blocks: readonly number[], alias: string, size: number): RawBuilder<boolean> {
  const p = sql.raw(alias);
  const terms = blockRuns(blocks).map(([first, last]) => {
    if (first >= 0) return sql`${p}.household_id between ${first * size} and ${(last + 1) * size - 1}`;
    // Block -1 - k holds the ids k·size … (k+1)·size - 1; `last` is the larger block, so the smaller k.
    const [lo, hi] = [-1 - last, -1 - first];
    return sql`(${p}.household_id is null and ${p}.id between ${lo * size} and ${(hi + 1) * size - 1})`;
  });
  return terms.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(terms, sql` or `)})`;
}
