import type { Kysely } from 'kysely';
import { binaryText, idColumn } from './dialect.ts';

/** Org units, households, persons, certificates and the person change history. */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  const text = binaryText(db);
  await db.schema
    .createTable('org_unit')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('org_unit.code'))
    .addColumn('kind', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').columns(['parent_code', 'name']).execute();

  await db.schema
    .createTable('household')
    .addColumn('id', id.type, id.build)
    .addColumn('household_no', 'text', (c) => c.notNull().unique())
    .addColumn('town_code', 'text', (c) => c.notNull().references('org_unit.code'))
    .addColumn('village_code', 'text', (c) => c.references('org_unit.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', id.type, id.build)
    .addColumn('id_number', 'text', (c) => c.unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'date')
    .addColumn('residence_permit', 'text')
    .addColumn('hukou', 'text')
    .addColumn('county_code', 'text', (c) => c.notNull().references('org_unit.code'))
    .addColumn('town_code', 'text', (c) => c.notNull().references('org_unit.code'))
    .addColumn('village_code', 'text', (c) => c.references('org_unit.code'))
    .addColumn('household_id', 'integer', (c) => c.references('household.id'))
    .addColumn('phone', 'text')
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deceased_on', 'date')
    .addColumn('moved_out_on', 'date')
    .addColumn('certificate_number', 'text')
    .addColumn('category', 'text')
    .addColumn('level', 'integer')
    .addColumn('certificate_valid_until', 'date')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Search: name prefix pages in (name, id) order, overall and within a town or village. Every index costs each
  // import row a b-tree insert, so there are few: a certificate number is found through its ID-number part, and a
  // county scope filters the name index (one county per deployment; a province has ~120, still cheap to filter).
  await db.schema.createIndex('person_name_idx').on('person').columns(['name', 'id']).execute();
  await db.schema.createIndex('person_town_name_idx').on('person').columns(['town_code', 'name', 'id']).execute();
  await db.schema.createIndex('person_village_name_idx').on('person').columns(['village_code', 'name', 'id']).execute();
  await db.schema.createIndex('person_household_idx').on('person').column('household_id').where('household_id', 'is not', null).execute();

  await db.schema
    .createTable('certificate')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('issued_on', 'date')
    .addColumn('valid_until', 'date')
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('end_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificate_person_idx').on('certificate').columns(['person_id', 'effective_from']).execute();

  await db.schema
    .createTable('person_history')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_history_person_idx').on('person_history').columns(['person_id', 'version']).execute();
}

/** Drops the registry tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['person_history', 'certificate', 'person', 'household', 'org_unit']) {
    await db.schema.dropTable(t).execute();
  }
}
