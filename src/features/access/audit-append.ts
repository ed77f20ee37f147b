import pg from 'pg';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { type AuditEntry, type ChainedRow, auditColumns, chain, genesisHash } from './audit-entry.ts';
import { sqliteGroupCommit } from './audit-sqlite-commit.ts';

/** The advisory-lock key that serialises appends to audit_log on PostgreSQL, across connections and processes. */
export const auditLockKey = 7_411_821_000_001;

/** True when the Kysely handle talks to PostgreSQL. */
export function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Appends entries to the chain. Must run inside a transaction: on PostgreSQL it takes the audit advisory lock
 * (held to commit), so that the last hash it reads is still the last when it commits. SQLite serialises writers
 * by itself.
 */
export async function appendEntries(trx: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!isPostgres(trx)) {
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    for (const row of chain(last?.hash ?? genesisHash, entries)) await trx.insertInto('audit_log').values(row).execute();
    return;
  }
  const lock = await sql<{
    iso: string;
  }>`select pg_advisory_xact_lock(${auditLockKey}::bigint), current_setting('transaction_isolation') as iso`.execute(trx);
  // Under REPEATABLE READ the snapshot predates the lock and the chain would fork.
  if (lock.rows[0]?.iso !== 'read committed') throw new Error('audit entries must be appended under READ COMMITTED');
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  await insertChained(chain(last?.hash ?? genesisHash, entries)).execute(trx);
}

/** One insert statement whatever the batch size (PostgreSQL); `with ordinality … order by` keeps ids in chain order. */
function insertChained(rows: readonly ChainedRow[]) {
  const arrays = auditColumns.map((c) => rows.map((r) => (r[c] === undefined ? null : r[c])));
  const [at, userId, ...rest] = arrays;
  return sql`insert into audit_log (${sql.join(auditColumns.map((c) => sql.ref(c)))})
    select ${sql.join(auditColumns.map((c) => sql.ref(c)))} from unnest(${at}::text[], ${userId}::int[], ${sql.join(rest.map((a) => sql`${a}::text[]`))})
    with ordinality as t(${sql.join(auditColumns.map((c) => sql.ref(c)))}, ord) order by ord`;
}

/** A committed batch; `durable` settles once it is on disk (it may already be). */
export type CommittedBatch = { durable: Promise<void> };

const alreadyDurable: CommittedBatch = { durable: Promise.resolve() };

/**
 * Appends entries in a transaction of their own: the group commit of read audits. Resolves once committed (so the
 * next batch may be committed after it); nobody may be told before `durable` has resolved.
 */
export async function commitInOwnTransaction(database: Database, entries: readonly AuditEntry[]): Promise<CommittedBatch> {
  if (entries.length === 0) return alreadyDurable;
  if (database.pool) {
    await appendPostgres(database, database.pool, entries);
    return alreadyDurable;
  }
  const sqlite = database.sqlite;
  if (!sqlite) {
    await withAuditTransaction(database, (trx) => appendEntries(trx, entries));
    return alreadyDurable;
  }
  // Holding Kysely's connection (its mutex) means no Kysely transaction is open on this connection, so the raw
  // handle's cached statements can run a transaction of their own: far cheaper than building each insert.
  const appender = sqliteGroupCommit(sqlite);
  await database.db.connection().execute(async () => appender.commit(entries));
  return { durable: appender.durable() };
}

// The hash this process last appended to each pool's chain: what the one-message commit expects to find last.
const lastAppended = new WeakMap<pg.Pool, string>();

/**
 * The PostgreSQL group commit, usually in one round trip (appendInOneMessage); when another writer has appended
 * since (a write transaction, the CLI, another server), in three: BEGIN, the advisory lock and the read of the
 * last hash as one simple-protocol message (under READ COMMITTED each statement takes a new snapshot, so the read,
 * a statement after the lock, sees every entry committed before the lock was granted), then the insert (a named
 * prepared statement) and COMMIT. The lock still guards the chain against other processes.
 */
async function appendPostgres(database: Database, pool: pg.Pool, entries: readonly AuditEntry[]): Promise<void> {
  const expected = lastAppended.get(pool);
  if (expected !== undefined && (await appendInOneMessage(pool, entries, expected))) return;
  const client = await pool.connect();
  try {
    const results = (await client.query(
      `begin isolation level read committed; select pg_advisory_xact_lock(${auditLockKey}::bigint); select hash from audit_log order by id desc limit 1`,
    )) as unknown as pg.QueryResult<{ hash: string }>[];
    const rows = chain(results[2]?.rows[0]?.hash ?? genesisHash, entries);
    const insert = insertChained(rows).compile(database.db);
    await client.query({ name: 'audit_log_append', text: insert.sql, values: [...insert.parameters] });
    await client.query('commit');
    client.release();
    lastAppended.set(pool, (rows.at(-1) as ChainedRow).hash);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    // A connection in an unknown state is dropped rather than returned to the pool.
    client.release(true);
    throw e;
  }
}

/**
 * The whole group commit as one simple-protocol message, chained after `expected`: BEGIN; the advisory lock; an
 * insert that only inserts if the chain's last hash, read after the lock, is still `expected`; COMMIT. Returns
 * false when it inserted nothing (another writer appended meanwhile, or the chain is empty): the caller then
 * appends the usual way. Simple protocol takes no parameters, so the insert is a statement prepared once per
 * connection (appendStatement) run by EXECUTE with one array literal per column, quoted by arrayLiteral and pg's
 * escapeLiteral: the server then parses the insert once per connection, not once per batch (and plans it once
 * too, as soon as it settles on the generic plan; a plan per batch was measured to cost no more here).
 */
async function appendInOneMessage(pool: pg.Pool, entries: readonly AuditEntry[], expected: string): Promise<boolean> {
  const rows = chain(expected, entries);
  const columns = auditColumns.map((c) => arrayLiteral(rows.map((r) => r[c])));
  const client = await pool.connect();
  try {
    if (!prepared.has(client)) {
      await client.query(appendStatement);
      prepared.add(client);
    }
    const results = (await client.query(
      `begin isolation level read committed; select pg_advisory_xact_lock(${auditLockKey}::bigint);
      execute ${appendStatementName}(${pg.escapeLiteral(expected)}, ${columns.join(', ')}); commit`,
    )) as unknown as pg.QueryResult[];
    client.release();
    if (results[2]?.rowCount === rows.length) {
      lastAppended.set(pool, (rows.at(-1) as ChainedRow).hash);
      return true;
    }
    lastAppended.delete(pool);
    return false;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    // Dropped, not returned: a connection in an unknown state (its prepared statement goes with it).
    client.release(true);
    throw e;
  }
}

const appendStatementName = 'audit_log_append_after';

/**
 * Inserts the rows given as column arrays, in order, only if the chain's last hash is $1. Prepared per connection
 * by SQL PREPARE (it lives as long as the connection); EXECUTE of it is a statement of its own, so under READ
 * COMMITTED it reads the last hash with a snapshot taken after the lock.
 */
const appendStatement = `prepare ${appendStatementName}(text, ${auditColumns.map((c) => (c === 'user_id' ? 'int[]' : 'text[]')).join(', ')}) as
  insert into audit_log (${auditColumns.join(', ')})
  select ${auditColumns.join(', ')} from unnest(${auditColumns.map((_, i) => `$${i + 2}`).join(', ')})
    with ordinality as t(${auditColumns.join(', ')}, ord)
  where (select hash from audit_log order by id desc limit 1) = $1 order by ord`;

// The pool's connections on which appendStatement has been prepared.
const prepared = new WeakSet<pg.PoolClient>();

/**
 * A PostgreSQL array literal as SQL text: every element double-quoted with `"` and `\` escaped (so that commas,
 * braces, spaces and the word NULL stay text), null as NULL, the whole literal quoted by escapeLiteral.
 */
function arrayLiteral(values: readonly unknown[]): string {
  let text = '';
  for (const v of values) {
    const element = v === null || v === undefined ? 'NULL' : `"${elementText(String(v))}"`;
    text += text === '' ? element : `,${element}`;
  }
  // escapeLiteral walks the text a character at a time: it only runs when there is a quote or a backslash to escape
  // (rare: hashes, times, names and codes have none); otherwise its output is '…', written directly.
  const literal = `{${text}}`;
  return sqlEscapes.test(literal) ? pg.escapeLiteral(literal) : `'${literal}'`;
}

const sqlEscapes = /['\\]/;
const elementEscape = /["\\]/;
const elementEscapes = /["\\]/g;

/** An array element's text with `"` and `\` backslash-escaped (tested first: a replace costs far more). */
function elementText(text: string): string {
  return elementEscape.test(text) ? text.replace(elementEscapes, '\\$&') : text;
}

/** Runs `fn` in a write transaction suited to the audit log: BEGIN IMMEDIATE on SQLite, READ COMMITTED on PostgreSQL. */
export async function withAuditTransaction<R>(database: Database, fn: (trx: Kysely<DB>) => Promise<R>): Promise<R> {
  if (database.engine === 'postgres') return database.db.transaction().execute(fn);
  // db.connection() holds Kysely's connection mutex, so no other query can slip into this transaction.
  return database.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}
