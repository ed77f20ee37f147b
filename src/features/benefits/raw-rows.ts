import type { CompiledQuery } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Database } from '../../db/connect.ts';
import { cachedIn } from '../../domain/memo.ts';

/** One row as an array of column values, in the select list's order. */
export type RawRow = unknown[];

// Raw-mode statements of their own: the Kysely connection caches object-mode statements by the same SQL text.
const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

function rawStatement(sqlite: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
  return cachedIn(statements, sqlite, text, () => sqlite.prepare(text).raw(true));
}

/**
 * Runs a query built with Kysely and returns its rows as arrays. Fact loading reads millions of rows; arrays skip
 * the driver's per-row object with named keys (about half the cost of reading a wide row on SQLite).
 */
export async function rawRows(database: Database, query: { compile(): CompiledQuery }): Promise<RawRow[]> {
  const compiled = query.compile();
  if (database.sqlite) return rawStatement(database.sqlite, compiled.sql).all(...compiled.parameters) as RawRow[];
  if (!database.pool) throw new Error('database has neither a SQLite handle nor a pg pool');
  const result = await database.pool.query({ text: compiled.sql, values: [...compiled.parameters], rowMode: 'array' });
  return result.rows as RawRow[];
}
