import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { blockOf } from './blocks-sql.ts';
import type { IndicatorRows } from './compute.ts';
import { addBlocks, type BlockRows, type StoredRow, type Totals, totalsRows } from './snapshot-totals.ts';

// The tables of stored indicator results (migration 2026_11_29_1300_indicator_snapshots) and the change log the
// triggers write. snapshots.ts decides what to refresh; this reads and writes.

/** The advisory lock every change trigger takes shared on PostgreSQL (the migration's key). */
const changeLockKey = 7152001;

/** A stored snapshot's header; blockSize: households per block of its rows (blocks-sql.ts). */
export type SnapshotHead = { id: number; appliedSeq: number; usedAt: string; blockSize: number };

/**
 * The last change logged, every change up to it committed. On PostgreSQL the exclusive advisory lock waits for
 * every transaction that logged a change (they hold it shared until they end) and, taken, lets none log more until
 * the log's last sequence is read. It is only ever *tried* for (every 20 ms): a queued exclusive request would hold
 * up every writer that comes after it until the writers before it end, a long import say. Without `waitMs` it tries
 * until it gets the lock; with it, null once `waitMs` went by (0: one try). SQLite commits one writer at a time, in
 * sequence order; its triggers log a block again only after the last sequence a refresh has read (the migration),
 * which this moves up, in one statement.
 */
export async function lastChange(database: Database): Promise<number>;
export async function lastChange(database: Database, waitMs: number): Promise<number | null>;
export async function lastChange(database: Database, waitMs = Number.POSITIVE_INFINITY): Promise<number | null> {
  const last = (q: Kysely<DB>) =>
    q
      .selectFrom('indicator_change')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
  if (database.engine === 'sqlite') {
    const seen = await sql<{ seq: number | null; read_upto: number }>`select (select max(seq) from indicator_change) as seq, read_upto
      from indicator_change_state`.execute(database.db);
    const { seq, read_upto } = seen.rows[0] ?? { seq: null, read_upto: 0 };
    if (Number(seq ?? 0) <= Number(read_upto)) return Number(read_upto);
    const moved = await sql<{ read_upto: number }>`update indicator_change_state
      set read_upto = (select coalesce(max(seq), 0) from indicator_change) returning read_upto`.execute(database.db);
    return Number(moved.rows[0]?.read_upto ?? 0);
  }
  const tryRead = () =>
    database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${changeLockKey}) as ok`.execute(trx);
      return rows[0]?.ok ? Number((await last(trx))?.seq ?? 0) : null;
    });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const seq = await tryRead();
    if (seq !== null || Date.now() >= deadline) return seq;
    await sleep(20);
  }
}

/** The blocks logged after `after` up to `upTo`. */
export async function changedBlocks(db: Kysely<DB>, after: number, upTo: number): Promise<number[]> {
  const rows = await db
    .selectFrom('indicator_change')
    .select('block')
    .distinct()
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .execute();
  return rows.map((r) => Number(r.block));
}

/** The snapshot of these statements for the org unit, if stored. */
export async function findSnapshot(db: Kysely<DB>, org: string, hash: string): Promise<SnapshotHead | null> {
  const row = await db
    .selectFrom('indicator_snapshot')
    .select(['id', 'applied_seq', 'used_at', 'block_size'])
    .where('org_code', '=', org)
    .where('statements_hash', '=', hash)
    .executeTakeFirst();
  return row ? { id: Number(row.id), appliedSeq: Number(row.applied_seq), usedAt: row.used_at, blockSize: Number(row.block_size) } : null;
}

/** Every block's rows of a computation, by block (rows without a block are a bug: the statements group by it). */
export function rowsByBlock(rows: IndicatorRows): Map<number, BlockRows> {
  const blocks = new Map<number, BlockRows>();
  for (const [key, list] of rows) {
    for (const r of list) {
      if (r.block === undefined) throw new Error(`indicator ${key}: a row without its block`);
      const byKey = entry(blocks, Number(r.block), (): BlockRows => new Map());
      entry(byKey, key, (): StoredRow[] => []).push([r.town, r.village, num(r.numerator), num(r.denominator), num(r.households)]);
    }
  }
  return blocks;
}

/** The map's value at the key, set to `make()` first when absent. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const seen = map.get(key);
  if (seen !== undefined) return seen;
  const made = make();
  map.set(key, made);
  return made;
}

function num(v: number | string | null): number | null {
  return v === null ? null : Number(v);
}

/**
 * The transaction of a write of stored results. They are a cache of what the records say: on PostgreSQL its commit
 * does not wait for the WAL to be flushed (`synchronous_commit = off`; a crash can lose only such last commits, and a
 * snapshot that lost one is older and refreshes again). SQLite's commit still syncs: setting the connection's
 * `synchronous` around it would also apply to the writes queued behind it on the same connection.
 */
function cacheTransaction<T>(database: Database, write: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    if (database.engine === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
    return write(trx);
  });
}

/**
 * Stores a new snapshot with every block's rows, and prunes; its id. Fails on the unique key when another stored it
 * first.
 */
export async function insertSnapshot(
  database: Database,
  head: { org: string; hash: string; year: number; asOf: string; appliedSeq: number; blockSize: number },
  blocks: Map<number, BlockRows>,
): Promise<number> {
  return cacheTransaction(database, async (trx) => {
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto('indicator_snapshot')
      .values({
        org_code: head.org,
        statements_hash: head.hash,
        year: head.year,
        as_of: head.asOf,
        applied_seq: head.appliedSeq,
        block_size: head.blockSize,
        totals: JSON.stringify(addBlocks({}, blocks.values(), 1)),
        built_at: now,
        used_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertBlocks(trx, Number(id), blocks);
    await prune(trx, head.appliedSeq);
    return Number(id);
  });
}

async function insertBlocks(trx: Kysely<DB>, snapshotId: number, blocks: Map<number, BlockRows>): Promise<void> {
  const values = [...blocks].map(([block, byKey]) => ({ snapshot_id: snapshotId, block, rows: JSON.stringify(Object.fromEntries(byKey)) }));
  // In slices: SQLite binds at most 32,766 parameters to a statement.
  for (let i = 0; i < values.length; i += 1000)
    await trx
      .insertInto('indicator_snapshot_block')
      .values(values.slice(i, i + 1000))
      .execute();
}

/**
 * Replaces the given blocks' rows, or all (`blocks` holds the new rows of those that still have any), moves the
 * snapshot to `appliedSeq` (and marks it used, for a reader's refresh) and prunes, only if nobody moved it since it
 * was read; false if somebody did (nothing changes then).
 */
export async function replaceBlocks(
  database: Database,
  snapshot: SnapshotHead,
  appliedSeq: number,
  replaced: readonly number[] | 'all',
  blocks: Map<number, BlockRows>,
  used = true,
): Promise<boolean> {
  return cacheTransaction(database, async (trx) => {
    // The move and the read of the old totals, and below the delete and the read of the old rows, in one statement
    // each (RETURNING): a refresh of a few blocks is mostly round trips.
    const moved = await trx
      .updateTable('indicator_snapshot')
      .set(used ? { applied_seq: appliedSeq, used_at: new Date().toISOString() } : { applied_seq: appliedSeq })
      .where('id', '=', snapshot.id)
      .where('applied_seq', '=', snapshot.appliedSeq)
      .returning('totals')
      .executeTakeFirst();
    if (!moved) return false;
    let totals: Totals = {};
    if (replaced === 'all') await trx.deleteFrom('indicator_snapshot_block').where('snapshot_id', '=', snapshot.id).execute();
    else {
      totals = JSON.parse(moved.totals) as Totals;
      for (let i = 0; i < replaced.length; i += 1000) {
        const old = await trx
          .deleteFrom('indicator_snapshot_block')
          .where('snapshot_id', '=', snapshot.id)
          .where('block', 'in', replaced.slice(i, i + 1000))
          .returning('rows')
          .execute();
        totals = addBlocks(
          totals,
          old.map((r) => blockRows(r.rows)),
          -1,
        );
      }
    }
    totals = addBlocks(totals, blocks.values(), 1);
    await trx
      .updateTable('indicator_snapshot')
      .set({ totals: JSON.stringify(totals) })
      .where('id', '=', snapshot.id)
      .execute();
    await insertBlocks(trx, snapshot.id, blocks);
    await prune(trx, appliedSeq);
    return true;
  });
}

/**
 * Of the changed blocks (of the snapshot's size), those that can change the snapshot's figures: those it holds rows
 * of, and those holding persons of its unit now (`inUnitAndBlocks`, a condition on `person`, limits them to the
 * changed blocks). In a province, the blocks changed in other counties are not recomputed for this one.
 */
export async function relevantBlocks(
  db: Kysely<DB>,
  snapshot: SnapshotHead,
  changed: readonly number[],
  inUnitAndBlocks: RawBuilder<boolean>,
): Promise<number[]> {
  const stored = await db
    .selectFrom('indicator_snapshot_block')
    .select('block')
    .where('snapshot_id', '=', snapshot.id)
    .where('block', 'in', changed)
    .execute();
  const populated = await sql<{
    block: number;
  }>`select distinct ${blockOf('person', snapshot.blockSize)} as block from person where ${inUnitAndBlocks}`.execute(db);
  return [...new Set([...stored, ...populated.rows].map((r) => Number(r.block)))].sort((a, b) => a - b);
}

/** How many blocks the snapshot holds rows of. */
export async function storedBlocks(db: Kysely<DB>, snapshotId: number): Promise<number> {
  const row = await db
    .selectFrom('indicator_snapshot_block')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('snapshot_id', '=', snapshotId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A stored block's rows. */
function blockRows(json: string): BlockRows {
  return new Map(Object.entries(JSON.parse(json) as Record<string, StoredRow[]>)) as BlockRows;
}

/** The snapshot's totals, as one statement's rows per indicator. */
export async function readSnapshot(db: Kysely<DB>, snapshotId: number): Promise<IndicatorRows> {
  const { totals } = await db.selectFrom('indicator_snapshot').select('totals').where('id', '=', snapshotId).executeTakeFirstOrThrow();
  return totalsRows(JSON.parse(totals) as Totals);
}

/** Marks the snapshot used now (kept while used: see prune). */
export async function touchSnapshot(db: Kysely<DB>, snapshotId: number): Promise<void> {
  await db.updateTable('indicator_snapshot').set({ used_at: new Date().toISOString() }).where('id', '=', snapshotId).execute();
}

/** Unused this long, a snapshot is dropped. */
const keepUnusedMs = 30 * 24 * 3600 * 1000;

/** Log entries younger than this stay (see prune). */
const keepLogSeconds = 24 * 3600;

/**
 * Drops snapshots unused for keepUnusedMs and the log entries older than keepLogSeconds that every remaining snapshot
 * has applied (all of them up to `upTo` when none remains), in the transaction of a write. Younger entries stay: a
 * snapshot being built, not stored yet, will refresh from the last entry it read.
 */
async function prune(trx: Kysely<DB>, upTo: number): Promise<void> {
  const now = Date.now();
  const unusedSince = new Date(now - keepUnusedMs).toISOString();
  const loggedBefore = Math.floor(now / 1000) - keepLogSeconds;
  const stale = trx.selectFrom('indicator_snapshot').select('id').where('used_at', '<', unusedSince);
  await trx.deleteFrom('indicator_snapshot_block').where('snapshot_id', 'in', stale).execute();
  await trx.deleteFrom('indicator_snapshot').where('used_at', '<', unusedSince).execute();
  const kept = await trx
    .selectFrom('indicator_snapshot')
    .select((eb) => eb.fn.min('applied_seq').as('seq'))
    .executeTakeFirst();
  const applied = kept?.seq === null || kept?.seq === undefined ? upTo : Math.min(Number(kept.seq), upTo);
  await trx.deleteFrom('indicator_change').where('seq', '<=', applied).where('logged_at', '<', loggedBefore).execute();
}
