import path from 'node:path';
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './tables.ts';

/** The two engines Smart DPF runs on. */
export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely handle plus what bulk loads need from the driver underneath. */
export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** The URL with any password removed, for logs. */
  label: string;
  /** The URL as given (may hold a password: never log it): worker threads open their own connection with it. */
  url: string;
  /** better-sqlite3 handle (SQLite only): same connection as `db`. */
  sqlite?: SqliteDatabase.Database;
  /** pg pool (PostgreSQL only). */
  pool?: pg.Pool;
  close(): Promise<void>;
};

/** The default embedded database file. */
export const defaultDatabaseUrl = './data/smart-dpf.db';

/** Tells the engine from a DATABASE_URL: postgres:// or postgresql:// is PostgreSQL, anything else a SQLite path. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** Opens DATABASE_URL (a SQLite file path, ':memory:', or postgres://…). */
export function connect(url: string = process.env.DATABASE_URL || defaultDatabaseUrl): Database {
  return engineOf(url) === 'postgres' ? connectPostgres(url) : connectSqlite(url);
}

function connectSqlite(file: string): Database {
  const filename = file.replace(/^sqlite:(\/\/)?/i, '');
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const sqlite = new SqliteDatabase(filename);
  // Durable commits (security-a11y.md A5): WAL + synchronous=FULL; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 64 MB page cache (the default is 2 MB) keeps index pages of bulk imports in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = memory');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', label: filename, url: filename, sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Statements are reusable
 * (Kysely runs one query at a time per connection and never streams here), so keep the most recent ones by SQL text.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

// pg returns int8 (COUNT, SUM) and numeric as strings and dates as JS Dates: convert once, here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

function connectPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', label: url.replace(/:[^:@/]*@/, ':***@'), url, pool, close: () => db.destroy() };
}
