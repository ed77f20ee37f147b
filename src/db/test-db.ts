import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type Engine, connect } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { loadRegions } from '../features/org/seed.ts';

/** The PostgreSQL server tests use: TEST_PG_URL, or the local trust-auth server's `test` database. */
export const testPgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let probe: Promise<Engine[]> | undefined;

/**
 * The engines to run database tests on: SQLite always; PostgreSQL when reachable. In CI (CI=true) an unreachable
 * PostgreSQL is an error, never a silent skip; locally the skip is announced with its reason.
 */
export function availableEngines(): Promise<Engine[]> {
  probe ??= probePostgres().then((reason) => {
    if (!reason) return ['sqlite', 'postgres'];
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI but unreachable: ${reason}`);
    console.warn(`[smart-dpf tests] PostgreSQL tests skipped: ${testPgUrl} unreachable (${reason})`);
    return ['sqlite'];
  });
  return probe;
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: testPgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, migrated database with the county's towns loaded; closing it deletes it. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  const database = engine === 'sqlite' ? await freshSqlite() : await freshPostgres();
  await migrateToLatest(database);
  await loadRegions(database);
  return database;
}

async function freshSqlite(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smart-dpf-test-'));
  const database = connect(path.join(dir, 'test.db'));
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(): Promise<Database> {
  const name = `smartdpf_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  const database = connect(url.toString());
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await adminQuery(`drop database if exists ${name}`);
    },
  };
}

/** Runs one statement on the admin connection (create or drop a database). */
export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPgUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
