import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath, chromiumMissingReason } from './chromium.ts';
import { createUsers, type E2eUsers } from './users.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    users: E2eUsers;
    skipReason: string;
  }
}

/**
 * Starts the real server for the browser tests: a temp SQLite database with the demo county (2,000 persons), one
 * user per role, the web bundle built if stale, listening on a free port. Without Chromium the suite is skipped
 * locally and fails under CI=true.
 */
export async function setup(project: TestProject) {
  const missing = chromiumMissingReason();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(`e2e: ${missing}`);
    console.warn(`e2e skipped: ${missing}`);
    project.provide('skipReason', missing);
    project.provide('baseUrl', '');
    project.provide('users', {} as E2eUsers);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpf-e2e-'));
  process.env.DATABASE_URL = path.join(dir, 'e2e.db');
  const { buildWebIfStale } = await import('../../src/server/plugins/web.ts');
  await buildWebIfStale((text) => console.warn(text));
  const { openDatabase } = await import('../../src/cli/context.ts');
  const { loadDemo } = await import('../../src/features/demo/load-demo.ts');
  const { today } = await import('../../src/clock.ts');
  const { buildApp } = await import('../../src/server/app.ts');
  const database = await openDatabase();
  await loadDemo(database, { persons: 2000, seed: 1, asOf: today() });
  const users = await createUsers(database);
  const app = await buildApp({ database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('users', users);
  project.provide('skipReason', '');
  console.warn(`e2e: server on port ${port} with ${chromiumPath}`);
  return async () => {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
