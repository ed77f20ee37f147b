import type pg from 'pg';
import { type Insertable, Kysely, PostgresDialect } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type SqliteDatabase from 'better-sqlite3';
import type { Database } from './connect.ts';
import type { DB } from './tables.ts';

/** Fast multi-row inserts inside a transaction: COPY on PostgreSQL, one prepared statement on SQLite. */
export type BulkWriter = {
  insert<T extends keyof DB & string>(table: T, rows: readonly Insertable<DB[T]>[]): Promise<void>;
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

// Rows per multi-row INSERT on SQLite: fewer statement runs, within SQLite's 32,766 bound parameters.
const sqliteRowsPerStatement = 100;

function sqliteBulk(sqlite: SqliteDatabase.Database): BulkWriter {
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = columnsOf(rows);
      const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const full = sqlite.prepare(head + Array(sqliteRowsPerStatement).fill(tuple).join(', '));
      const params: unknown[] = [];
      for (let i = 0; i < rows.length; i += sqliteRowsPerStatement) {
        const batch = rows.slice(i, i + sqliteRowsPerStatement);
        params.length = 0;
        for (const row of batch) {
          const record = row as Record<string, unknown>;
          for (const c of columns) params.push(record[c] ?? null);
        }
        const statement =
          batch.length === sqliteRowsPerStatement ? full : sqlite.prepare(head + Array(batch.length).fill(tuple).join(', '));
        statement.run(params);
      }
    },
  };
}

function pgBulk(client: pg.PoolClient): BulkWriter {
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = columnsOf(rows);
      const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      const chunk: string[] = [];
      for (const row of rows) {
        const record = row as Record<string, unknown>;
        chunk.push(`${columns.map((c) => copyText(record[c])).join('\t')}\n`);
        if (chunk.length >= 2000) stream.write(chunk.splice(0).join(''));
      }
      stream.end(chunk.join(''));
      await done;
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
