import type { Kysely } from 'kysely';

// The year a snapshot evaluates (its as-of date may lie in another year), so that the snapshot warmer
// (src/features/indicators/snapshot-warmer.ts) can rebuild its context. Snapshots stored before have none and are
// not warmed.

/** Adds indicator_snapshot.year. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator_snapshot').addColumn('year', 'integer').execute();
}

/** Drops indicator_snapshot.year. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator_snapshot').dropColumn('year').execute();
}
