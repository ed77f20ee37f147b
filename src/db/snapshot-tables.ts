import type { Generated } from 'kysely';

/**
 * The blocks whose records changed, in order (written by triggers; migration 2026_11_29_1300; blocks of 64
 * households since 2026_11_29_1900).
 */
export interface IndicatorChangeTable {
  seq: Generated<number>;
  block: number;
  /** Unix seconds. */
  logged_at: Generated<number>;
}

/** Stored indicator results of one org unit and one set of statements (src/features/indicators/snapshots.ts). */
export interface IndicatorSnapshotTable {
  id: Generated<number>;
  org_code: string;
  statements_hash: string;
  as_of: string;
  /** The year evaluated (migration 2026_11_29_2000; null in snapshots stored before it). */
  year: number | null;
  /** The last indicator_change applied: the blocks logged after it are stale. */
  applied_seq: number;
  /** Households per block of its rows (blocks-sql.ts; migration 2026_11_29_1900). */
  block_size: Generated<number>;
  /** Every indicator's rows summed over the blocks, per org unit, as JSON (snapshot-totals.ts). */
  totals: string;
  built_at: string;
  used_at: string;
}

/** One block's rows of every indicator of a snapshot, as JSON. */
export interface IndicatorSnapshotBlockTable {
  snapshot_id: number;
  block: number;
  rows: string;
}

/** The indicator snapshot tables. */
export interface SnapshotTables {
  indicator_change: IndicatorChangeTable;
  indicator_snapshot: IndicatorSnapshotTable;
  indicator_snapshot_block: IndicatorSnapshotBlockTable;
}
