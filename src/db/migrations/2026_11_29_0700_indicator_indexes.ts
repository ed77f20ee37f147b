import type { Kysely } from 'kysely';

// Indexes for the indicator engine (docs/indicators.md §Performance). Each one COVERS what an evaluation reads of
// its table, so SQLite answers from the index alone, in person order: the certificate valid on the date (population),
// and each person's enrolments and services (the per-person facts of src/features/indicators/statement-facts.ts).
// Each replaces an index that was its prefix (same look-ups, one index to maintain on import instead of two).
const covering = [
  {
    name: 'certificate_asof_idx',
    table: 'certificate',
    columns: ['person_id', 'effective_from', 'ended_on', 'valid_until', 'level', 'category'],
    replaces: { name: 'certificate_person_idx', columns: ['person_id', 'effective_from'] },
  },
  {
    name: 'enrolment_facts_idx',
    table: 'enrolment',
    columns: ['person_id', 'program', 'start_date', 'end_date'],
    replaces: { name: 'enrolment_person_idx', columns: ['person_id'] },
  },
  {
    name: 'service_record_facts_idx',
    table: 'service_record',
    columns: ['person_id', 'kind', 'start_date', 'end_date', 'status'],
    replaces: { name: 'service_record_person_idx', columns: ['person_id', 'kind'] },
  },
];

/** Adds the covering indexes and drops the prefixes they make redundant. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const i of covering) {
    await db.schema.createIndex(i.name).on(i.table).columns(i.columns).execute();
    await db.schema.dropIndex(i.replaces.name).execute();
  }
}

/** Restores the earlier indexes. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const i of covering) {
    await db.schema.createIndex(i.replaces.name).on(i.table).columns(i.replaces.columns).execute();
    await db.schema.dropIndex(i.name).execute();
  }
}
