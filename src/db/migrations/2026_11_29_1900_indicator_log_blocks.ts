import { type Kysely, sql } from 'kysely';
import { createChangeTriggers, dropChangeTriggers } from './2026_11_29_1300_indicator_snapshots.ts';

// The change log's blocks become 64 households (blocks-sql.ts `logBlockSize`), finer than a snapshot's: a snapshot
// of a unit of few persons stores blocks that small, so that a few edits refresh a few hundred persons instead of
// most of a county of 10,000; a large unit's snapshot stores blocks of 1024 households, each 16 of the log's (ADR
// 0004, amended). The log and the snapshots are a cache of what the records say: both are emptied, and the first
// read builds again. Each snapshot now records the size of its blocks.

/** Recreates the triggers with 64 households per block, empties the cache and adds indicator_snapshot.block_size. */
export async function up(db: Kysely<any>): Promise<void> {
  await resetCache(db);
  await dropChangeTriggers(db);
  await createChangeTriggers(db, 64);
  await db.schema
    .alterTable('indicator_snapshot')
    .addColumn('block_size', 'integer', (c) => c.notNull().defaultTo(1024))
    .execute();
}

/** The triggers back at 1024 households per block, the cache emptied, the column dropped. */
export async function down(db: Kysely<any>): Promise<void> {
  await resetCache(db);
  await dropChangeTriggers(db);
  await createChangeTriggers(db, 1024);
  await db.schema.alterTable('indicator_snapshot').dropColumn('block_size').execute();
}

async function resetCache(db: Kysely<any>): Promise<void> {
  await sql`delete from indicator_snapshot_block`.execute(db);
  await sql`delete from indicator_snapshot`.execute(db);
  await sql`delete from indicator_change`.execute(db);
}
