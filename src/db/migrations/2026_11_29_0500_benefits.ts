import type { Kysely } from 'kysely';
import { idColumn } from './dialect.ts';

/**
 * Benefits: admin-entered policy parameter values (added to the catalog's history), applications, follow-up
 * tasks, payment rolls with their lines, and the bank account benefits are paid into.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('policy_parameter_value')
    .addColumn('id', id.type, id.build)
    .addColumn('param_id', 'text', (c) => c.notNull())
    .addColumn('from_day', 'date', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_parameter_value_idx').on('policy_parameter_value').columns(['param_id', 'from_day']).execute();

  await db.schema
    .createTable('benefit_application')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('town_code', 'text', (c) => c.notNull())
    .addColumn('applicant', 'text')
    .addColumn('decision_json', 'text')
    .addColumn('town_reviewed_on', 'date')
    .addColumn('town_reviewed_by', 'text')
    .addColumn('county_approved_on', 'date')
    .addColumn('county_approved_by', 'text')
    .addColumn('rejected_on', 'date')
    .addColumn('rejected_by', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('notice_ends_on', 'date')
    .addColumn('payment_from', 'date')
    .addColumn('monthly_amount_fen', 'integer')
    .addColumn('enrolment_id', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('benefit_application_person_idx').on('benefit_application').columns(['person_id', 'program']).execute();
  await db.schema.createIndex('benefit_application_status_idx').on('benefit_application').columns(['status', 'town_code']).execute();

  await db.schema
    .createTable('benefit_task')
    .addColumn('id', id.type, id.build)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('enrolment_id', 'integer')
    .addColumn('town_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('benefit_task_open_idx').on('benefit_task').columns(['status', 'town_code', 'program']).execute();
  await db.schema.createIndex('benefit_task_person_idx').on('benefit_task').columns(['person_id', 'program', 'kind']).execute();

  await db.schema
    .createTable('payment_roll')
    .addColumn('id', id.type, id.build)
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('payment_roll_program_month', ['program', 'month'])
    .execute();

  await db.schema
    .createTable('payment_roll_line')
    .addColumn('id', id.type, id.build)
    .addColumn('roll_id', 'integer', (c) => c.notNull().references('payment_roll.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('enrolment_id', 'integer', (c) => c.notNull())
    .addColumn('town_code', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('bank_account_masked', 'text')
    .execute();
  await db.schema.createIndex('payment_roll_line_roll_idx').on('payment_roll_line').columns(['roll_id', 'person_id']).execute();

  await db.schema
    .createTable('payment_account')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('person.id'))
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('account_holder', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

/** Drops the benefits tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'payment_account',
    'payment_roll_line',
    'payment_roll',
    'benefit_task',
    'benefit_application',
    'policy_parameter_value',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
