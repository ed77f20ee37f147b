import type { Kysely } from 'kysely';

/** Per-user interface preferences (care mode, language), remembered across devices. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('preferences_json', 'text').execute();
}

/** Drops the preferences column. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('preferences_json').execute();
}
