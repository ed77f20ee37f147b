import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

// Helpers for migrations only: they must stay frozen in time, so migrations import nothing from src/ but this.

/** True when the migration runs on SQLite. */
export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An auto-increment integer primary key on either engine. */
export function idColumn(db: Kysely<any>) {
  return isSqlite(db)
    ? { type: sql`integer`, build: (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement() }
    : { type: sql`integer`, build: (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity() };
}

/**
 * Text that sorts and compares by code point on both engines (SQLite's BINARY, PostgreSQL's "C"), so that prefix
 * ranges (`name >= '张' AND name < '张\u{10FFFF}'`) and keyset pages use a plain index and agree across engines.
 */
export function binaryText(db: Kysely<any>) {
  return isSqlite(db) ? sql`text` : sql`text collate "C"`;
}
