import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { connect, type Engine } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createTestUser, signIn } from '../src/features/access/test-helpers.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { freshDatabaseUrl } from './fresh-db.ts';
import { projectRoot, report, round } from './lib.ts';

// The load generator runs in another process, started asynchronously: this process must keep serving.
async function load(urls: string[], seconds: number, cookie?: string) {
  const args = [
    path.join(projectRoot, 'bin/run-ts.js'),
    path.join(projectRoot, 'bench/load-child.ts'),
    JSON.stringify(urls),
    String(seconds),
    '20',
  ];
  const { stdout } = await promisify(execFile)(process.execPath, cookie ? [...args, cookie] : args, {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
    rps: number;
    p50ms: number;
    p99ms: number;
    errors: number;
    requests: number;
  };
}

/** Runs a load and adds the CPU time this (server) process spent meanwhile, in microseconds. */
async function measured<R>(run: () => Promise<R>): Promise<R & { cpuUs: number }> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return { ...result, cpuUs: used.user + used.system };
}

/**
 * Authenticated, audited `GET /api/v1/persons/{id}` against the same server's public health endpoint: 20
 * keep-alive connections from a separate process, demo county of 10,000. Target: throughput ratio ≥ 0.5.
 */
export async function benchHttp(engines: Engine[], seconds = Number(process.env.BENCH_SECONDS ?? 10)): Promise<void> {
  for (const engine of engines) {
    const fresh = await freshDatabaseUrl(engine, 'http');
    const database = connect(fresh.url);
    try {
      await migrateToLatest(database);
      await loadRegions(database);
      await loadDemo(database, { persons: 10_000, seed: 3, asOf: '2026-11-29' });
      const app = await buildApp({ database });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const user = await createTestUser(database, { role: 'countyStaff' });
      const { cookie } = await signIn(app, user.username, user.password);
      const ids = (await database.db.selectFrom('person').select('id').orderBy('id').limit(2000).execute()).map((r) => r.id);
      const health = await measured(() => load([`${base}/api/health`], seconds));
      const person = await measured(() =>
        load(
          ids.map((id) => `${base}/api/v1/persons/${id}`),
          seconds,
          cookie,
        ),
      );
      await app.close();
      report('http-person', engine, {
        connections: 20,
        healthRps: Math.round(health.rps),
        personRps: Math.round(person.rps),
        ratio: round(person.rps / health.rps),
        personP50ms: round(person.p50ms),
        personP99ms: round(person.p99ms),
        // Server CPU per request: unlike rps, barely moved by other load on a shared machine.
        healthCpuUs: Math.round(health.cpuUs / health.requests),
        personCpuUs: Math.round(person.cpuUs / person.requests),
        loadAverage: round(os.loadavg()[0] ?? 0),
        errors: person.errors + health.errors,
        target: 'ratio >= 0.5',
        met: person.rps / health.rps >= 0.5,
      });
    } finally {
      await database.close();
      await fresh.drop();
    }
  }
}
