import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Engine } from '../src/db/connect.ts';
import { adminQuery, testPgUrl } from '../src/db/test-db.ts';

/**
 * A DATABASE_URL for an empty database of the engine, with a cleanup. PostgreSQL databases are created beside
 * TEST_PG_URL (default the local trust-auth server), SQLite files in the temp folder.
 */
export async function freshDatabaseUrl(engine: Engine, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sdpf-bench-${name}-`));
    return { url: path.join(dir, 'bench.db'), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const db = `sdpf_bench_${name}_${process.pid}`;
  await adminQuery(`drop database if exists ${db}`);
  await adminQuery(`create database ${db}`);
  const url = new URL(testPgUrl);
  url.pathname = `/${db}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${db}`) };
}

/** The database a scenario runs on: `reuse` (the URL of one an earlier run loaded; kept) or a fresh one. */
export async function benchDatabaseUrl(
  engine: Engine,
  name: string,
  reuse: string | undefined,
): Promise<{ url: string; drop(): Promise<void> }> {
  return reuse ? { url: reuse, drop: async () => {} } : freshDatabaseUrl(engine, name);
}
