import type pg from 'pg';
import { type Insertable, Kysely, PostgresDialect } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type SqliteDatabase from 'better-sqlite3';
import type { Database } from './connect.ts';
import type { DB } from './tables.ts';

/** A table that has an integer `id` primary key. */
export type IdTable = 'household' | 'person' | 'certificate' | 'person_history';

/** Fast multi-row inserts inside a transaction: COPY on PostgreSQL, reused multi-row statements on SQLite. */
export type BulkWriter = {
  insert<T extends keyof DB & string>(table: T, rows: readonly Insertable<DB[T]>[]): Promise<void>;
  /**
   * Inserts rows given as value arrays in `columns` order, so that no object per row is needed. The rows may be a
   * lazy iterable: they are consumed as they are written (on PostgreSQL as one COPY), never all held at once.
   */
  insertRows<T extends keyof DB & string>(
    table: T,
    columns: readonly (keyof DB[T] & string)[],
    rows: Iterable<readonly unknown[]>,
  ): Promise<void>;
  /**
   * Reserves `count` new ids for a table, so rows can be inserted with their ids instead of being selected back.
   * Ids are unique even with other writers: PostgreSQL draws them from the table's sequence; SQLite has one writer
   * at a time, and the transaction holds the write lock once it has written.
   */
  reserveIds(table: IdTable, count: number): Promise<number[]>;
  /**
   * When the table is empty, drops its secondary indexes (not those of primary keys or UNIQUE constraints) and, on
   * PostgreSQL, its foreign keys, and returns a function that adds them back: one sorted index build and one checking
   * join after a bulk load are cheaper than an index insert and a trigger per row. Rows that break a key make the
   * function, and so the transaction, fail. For a table with rows it does nothing. Call it before the commit.
   */
  deferIndexes(table: IdTable): Promise<() => Promise<void>>;
};

/**
 * Runs `fn` in one transaction with a bulk writer on the same connection: everything commits together or nothing
 * does (imports are all-or-nothing).
 */
export async function withBulkTransaction<R>(database: Database, fn: (trx: Kysely<DB>, bulk: BulkWriter) => Promise<R>): Promise<R> {
  if (database.sqlite) {
    const sqlite = database.sqlite;
    return database.db.transaction().execute((trx) => fn(trx, sqliteBulk(sqlite)));
  }
  if (!database.pool) throw new Error('database has neither a SQLite handle nor a pg pool');
  const client = await database.pool.connect();
  const single = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => ({ ...wrap(client) }), end: async () => {} } }),
  });
  try {
    return await single.transaction().execute((trx) => fn(trx, pgBulk(client)));
  } finally {
    client.release();
  }
}

// Kysely releases its connection after the transaction; the real release happens in withBulkTransaction.
function wrap(client: pg.PoolClient) {
  return { query: client.query.bind(client) as pg.PoolClient['query'], release: () => {} };
}

function columnsOf(rows: readonly object[]): string[] {
  const set = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) set.add(key);
  return [...set];
}

/** Object rows as value arrays in the order of their columns (a missing key is null). */
function asArrays(rows: readonly object[]): { columns: string[]; values: unknown[][] } {
  const columns = columnsOf(rows);
  const values = rows.map((row) => {
    const record = row as Record<string, unknown>;
    return columns.map((c) => record[c] ?? null);
  });
  return { columns, values };
}

const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');

// Rows per multi-row INSERT on SQLite: fewer statement runs, within SQLite's 32,766 bound parameters.
const sqliteRowsPerStatement = 100;

function sqliteBulk(sqlite: SqliteDatabase.Database): BulkWriter {
  // Prepared once per table, column list and row count, and reused by every chunk of the transaction.
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statement = (table: string, columns: readonly string[], count: number) => {
    const key = `${table}|${columns.join(',')}|${count}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      prepared = sqlite.prepare(`insert into "${table}" (${quoted(columns)}) values ${Array(count).fill(tuple).join(', ')}`);
      statements.set(key, prepared);
    }
    return prepared;
  };
  const insertRows = async (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => {
    const params: unknown[] = [];
    let count = 0;
    for (const row of rows) {
      for (const value of row) params.push(value ?? null);
      count += 1;
      if (count === sqliteRowsPerStatement) {
        statement(table, columns, count).run(params);
        params.length = 0;
        count = 0;
      }
    }
    if (count > 0) statement(table, columns, count).run(params);
  };
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const { columns, values } = asArrays(rows);
      await insertRows(table, columns, values);
    },
    insertRows,
    async reserveIds(table, count) {
      // AUTOINCREMENT never reuses an id, even a deleted one: start above both the sequence and the largest id.
      const row = sqlite
        .prepare(
          `select max(coalesce((select seq from sqlite_sequence where name = ?), 0), coalesce((select max(id) from "${table}"), 0)) as top`,
        )
        .get(table) as { top: number };
      return Array.from({ length: count }, (_, i) => row.top + 1 + i);
    },
    async deferIndexes(table) {
      if (sqlite.prepare(`select 1 from "${table}" limit 1`).get() !== undefined) return async () => {};
      // Indexes of keys and UNIQUE constraints have no SQL text and stay.
      const indexes = sqlite
        .prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`)
        .all(table) as { name: string; sql: string }[];
      for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
      return async () => {
        for (const index of indexes) sqlite.exec(index.sql);
      };
    },
  };
}

function pgBulk(client: pg.PoolClient): BulkWriter {
  const insertRows = async (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => {
    const iterator = rows[Symbol.iterator]();
    let next = iterator.next();
    if (next.done) return;
    const stream = client.query(copyFrom(`copy "${table}" (${quoted(columns)}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    done.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
    let chunk = '';
    for (; !next.done; next = iterator.next()) {
      const row = next.value;
      let line = '';
      for (let c = 0; c < row.length; c += 1) line += (c === 0 ? '' : '\t') + copyText(row[c]);
      chunk += `${line}\n`;
      // Writes of about 64 KB: large enough for few socket writes, small enough not to build one huge string.
      if (chunk.length < 65_536) continue;
      // One COPY per call: the server parses rows while the next ones are built; wait only when its buffer is full.
      if (!stream.write(chunk)) await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), done]);
      chunk = '';
    }
    stream.end(chunk);
    await done;
  };
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const { columns, values } = asArrays(rows);
      await insertRows(table, columns, values);
    },
    insertRows,
    async reserveIds(table, count) {
      if (count === 0) return [];
      // The sequence is resolved once: pg_get_serial_sequence inside the query would run for every row.
      const found = await client.query<{ name: string }>(`select pg_get_serial_sequence($1, 'id') as name`, [table]);
      const result = await client.query<{ id: number }>('select nextval($1::regclass)::int as id from generate_series(1, $2::int)', [
        found.rows[0]?.name,
        count,
      ]);
      return result.rows.map((r) => r.id);
    },
    async deferIndexes(table) {
      const any = await client.query(`select 1 from "${table}" limit 1`);
      if (any.rowCount !== 0) return async () => {};
      // Each foreign key is checked by a trigger per row; added back, it is checked by one join over all rows.
      const keys = await client.query<{ name: string; definition: string }>(
        `select conname as name, pg_get_constraintdef(oid) as definition
           from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
        [table],
      );
      // Indexes behind constraints (primary key, UNIQUE) cannot be dropped on their own and stay.
      const indexes = await client.query<{ name: string; definition: string }>(
        `select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
           from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = $1::regclass
            and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
        [table],
      );
      for (const key of keys.rows) await client.query(`alter table "${table}" drop constraint "${key.name}"`);
      for (const index of indexes.rows) await client.query(`drop index "${index.name}"`);
      return async () => {
        for (const index of indexes.rows) await client.query(index.definition);
        for (const key of keys.rows) await client.query(`alter table "${table}" add constraint "${key.name}" ${key.definition}`);
      };
    },
  };
}

const copySpecial = /[\\\t\n\r]/;

/** One value in COPY's text format. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  if (!copySpecial.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}
