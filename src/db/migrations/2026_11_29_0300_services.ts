import { type Kysely, sql } from 'kysely';
import { idColumn } from './dialect.ts';

/** Needs survey answers (with correction history), programme enrolments and service records. */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('needs_survey')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rehab_need', 'integer')
    .addColumn('rehab_received', 'integer')
    .addColumn('device_need', 'integer')
    .addColumn('device_fitted', 'integer')
    .addColumn('pension', 'text')
    .addColumn('medical', 'text')
    .addColumn('schooling', 'text')
    .addColumn('employment', 'text')
    .addColumn('training_completed', 'integer')
    .addColumn('income_per_capita_fen', 'integer')
    .addColumn('home_mod_need', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  // At most one current row per person and year; superseded rows are the correction history.
  await db.schema
    .createIndex('needs_survey_current_idx')
    .on('needs_survey')
    .columns(['year', 'person_id'])
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
  await db.schema.createIndex('needs_survey_person_idx').on('needs_survey').columns(['person_id', 'year']).execute();

  await db.schema
    .createTable('enrolment')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('monthly_amount_fen', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('enrolment_program_idx').on('enrolment').columns(['program', 'person_id', 'start_date']).execute();
  await db.schema.createIndex('enrolment_person_idx').on('enrolment').columns(['person_id']).execute();

  await db.schema
    .createTable('service_record')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('department', 'text')
    .addColumn('cost_fen', 'integer')
    .addColumn('details_json', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('service_record_kind_idx').on('service_record').columns(['kind', 'start_date', 'person_id']).execute();
  await db.schema.createIndex('service_record_person_idx').on('service_record').columns(['person_id', 'kind']).execute();
}

/** Drops the services tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['service_record', 'enrolment', 'needs_survey']) await db.schema.dropTable(t).execute();
}
