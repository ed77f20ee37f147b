import { type Kysely, sql } from 'kysely';
import { idColumn, isSqlite } from './dialect.ts';

// Stored indicator results per block of households (src/features/indicators/snapshots.ts, ADR 0004) and the log of
// blocks whose records changed since. Triggers on every table the indicator statements read (person, certificate,
// needs_survey, enrolment, service_record) append the changed persons' blocks to indicator_change, whatever writes
// them (the app, an import, the CLI, SQL by hand), so a snapshot refreshes exactly the blocks logged after it.
//
// The block expression is blocks-sql.ts's `blockOf` (here 1024 households, or persons without one, per block;
// migration 1900 recreates the triggers with the log's finer blocks). On PostgreSQL every trigger takes a shared
// transaction-level advisory lock (key 7152001) that a refresh takes exclusively to read the log's last sequence:
// every change logged up to it is then committed.

const factTables = ['certificate', 'needs_survey', 'enrolment', 'service_record'] as const;

const lockKey = 7152001;

function block(alias: string, size: number): string {
  return `(case when ${alias}.household_id is null then -1 - ${alias}.id / ${size} else ${alias}.household_id / ${size} end)`;
}

/** Creates the log, the snapshot tables and the triggers. */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable('indicator_change')
    .addColumn('seq', id.type, id.build)
    .addColumn('block', 'integer', (c) => c.notNull())
    // Unix seconds: the log is pruned of entries a day old that every snapshot applied, never of younger ones that a
    // snapshot being built (not stored yet) may still need.
    .addColumn('logged_at', 'integer', (c) =>
      c.notNull().defaultTo(isSqlite(db) ? sql`(unixepoch())` : sql`(extract(epoch from now())::integer)`),
    )
    .execute();
  await db.schema
    .createTable('indicator_snapshot')
    .addColumn('id', id.type, id.build)
    .addColumn('org_code', 'text', (c) => c.notNull())
    // A hash of the compiled statements and their parameters: the as-of date, the parameters, the definitions.
    .addColumn('statements_hash', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('applied_seq', 'integer', (c) => c.notNull())
    // The blocks' rows summed per org unit, JSON: { key: [[town, village, numerator, denominator, households, rows], …] }.
    .addColumn('totals', 'text', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_snapshot_key', ['org_code', 'statements_hash'])
    .execute();
  await db.schema
    .createTable('indicator_snapshot_block')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('indicator_snapshot.id').onDelete('cascade'))
    .addColumn('block', 'integer', (c) => c.notNull())
    // The block's rows of every indicator, JSON: { key: [[town, village, numerator, denominator, households], …] }.
    .addColumn('rows', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_snapshot_block_pk', ['snapshot_id', 'block'])
    .execute();
  if (isSqlite(db)) await sqliteLogState(db);
  await createChangeTriggers(db, 1024);
}

/** The triggers logging blocks of `size` households (migration 1900 made them finer). */
export async function createChangeTriggers(db: Kysely<any>, size: number): Promise<void> {
  if (isSqlite(db)) await sqliteTriggers(db, size);
  else await postgresTriggers(db, size);
}

/**
 * SQLite's triggers run per row. A block already logged after the last sequence a refresh has read
 * (indicator_change_state.read_upto) is not logged again: every snapshot will refresh it anyway. A load of a million
 * rows then logs each block once, not a million entries.
 */
async function sqliteLogState(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_change_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('read_upto', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into indicator_change_state (id, read_upto) values (1, 0)`.execute(db);
  await db.schema.createIndex('indicator_change_block_idx').on('indicator_change').columns(['block', 'seq']).execute();
}

async function sqliteTriggers(db: Kysely<any>, size: number): Promise<void> {
  const log = (blocks: string) => `insert into indicator_change (block) select b from (${blocks}) changed
    where not exists (select 1 from indicator_change c where c.block = changed.b and c.seq > (select read_upto from indicator_change_state));`;
  const trigger = (table: string, event: string, blocks: string) =>
    sql.raw(`create trigger ${table}_indicator_${event} after ${event} on ${table} begin ${log(blocks)} end`).execute(db);
  for (const t of factTables) {
    const of = (ids: string) => `select ${block('p', size)} as b from person p where p.id in (${ids})`;
    await trigger(t, 'insert', of('new.person_id'));
    await trigger(t, 'update', of('old.person_id, new.person_id'));
    await trigger(t, 'delete', of('old.person_id'));
  }
  await trigger('person', 'insert', `select ${block('new', size)} as b`);
  await trigger('person', 'update', `select ${block('old', size)} as b union select ${block('new', size)}`);
  await trigger('person', 'delete', `select ${block('old', size)} as b`);
}

async function postgresTriggers(db: Kysely<any>, size: number): Promise<void> {
  // Statement-level with transition tables: one log row per block a statement touched, not per row written.
  const ofFacts = (ids: string) => `select ${block('p', size)} from person p where p.id in (${ids})`;
  await postgresFunction(db, 'indicator_change_of_facts', {
    inserted: ofFacts('select person_id from new_rows'),
    deleted: ofFacts('select person_id from old_rows'),
    updated: ofFacts('select person_id from new_rows union select person_id from old_rows'),
  });
  const ofPersons = (rows: string) => `select ${block('r', size)} from (${rows}) r`;
  await postgresFunction(db, 'indicator_change_of_persons', {
    inserted: ofPersons('select * from new_rows'),
    deleted: ofPersons('select * from old_rows'),
    updated: ofPersons('select * from new_rows union all select * from old_rows'),
  });
  for (const t of [...factTables, 'person']) {
    const fn = t === 'person' ? 'indicator_change_of_persons' : 'indicator_change_of_facts';
    const on = (event: string, tables: string) =>
      sql.raw(
        `create trigger ${t}_indicator_${event} after ${event} on ${t} referencing ${tables} for each statement execute function ${fn}()`,
      );
    await on('insert', 'new table as new_rows').execute(db);
    await on('update', 'old table as old_rows new table as new_rows').execute(db);
    await on('delete', 'old table as old_rows').execute(db);
  }
}

/** A trigger function logging the distinct blocks of the statement's rows, each event's given as a query. */
async function postgresFunction(
  db: Kysely<any>,
  name: string,
  blocks: { inserted: string; deleted: string; updated: string },
): Promise<void> {
  const log = (query: string) => `insert into indicator_change (block) select distinct b from (${query}) changed(b);`;
  await sql
    .raw(`create or replace function ${name}() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(${lockKey});
  if tg_op = 'INSERT' then ${log(blocks.inserted)}
  elsif tg_op = 'DELETE' then ${log(blocks.deleted)}
  else ${log(blocks.updated)}
  end if;
  return null;
end $$`)
    .execute(db);
}

/** Drops the triggers (their functions stay on PostgreSQL). */
export async function dropChangeTriggers(db: Kysely<any>): Promise<void> {
  for (const t of [...factTables, 'person']) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(isSqlite(db) ? `drop trigger ${t}_indicator_${event}` : `drop trigger ${t}_indicator_${event} on ${t}`).execute(db);
    }
  }
}

/** Drops the triggers, the functions and the tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropChangeTriggers(db);
  if (isSqlite(db)) await db.schema.dropTable('indicator_change_state').execute();
  else {
    await sql`drop function indicator_change_of_facts()`.execute(db);
    await sql`drop function indicator_change_of_persons()`.execute(db);
  }
  await db.schema.dropTable('indicator_snapshot_block').execute();
  await db.schema.dropTable('indicator_snapshot').execute();
  await db.schema.dropTable('indicator_change').execute();
}
