import type { Kysely } from 'kysely';

// A province's database holds many counties. Every county-level read (a county user's scope, a county's indicators
// and gap lists) asks `person.county_code = ?`; without an index each one read every person of the province. The id
// is the index's last column, so a county's persons come out in id order (the order the indicator statements and
// the lanes' id ranges read them in).

/** Adds person_county_idx (county_code, id). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('person_county_idx').on('person').columns(['county_code', 'id']).execute();
}

/** Drops person_county_idx. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('person_county_idx').execute();
}
