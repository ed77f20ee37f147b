import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumMissingReason, chromiumPath } from '../e2e/support/chromium.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createTestUser } from '../src/features/access/test-helpers.ts';
import { loadDemo } from '../src/features/demo/load-demo.ts';
import { loadRegions } from '../src/features/org/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { buildWebIfStale } from '../src/server/plugins/web.ts';
import { freshDatabaseUrl } from './fresh-db.ts';
import { percentile, report, round } from './lib.ts';
import { webBundleSizes } from './web-sizes.ts';

/**
 * The web app: bundle sizes (total and initial JS, gzipped; target initial < 350 KB) and the time from navigation
 * to the first rendered row of the registry search on the demo county (10,000 persons, SQLite), median of 7 loads
 * in Debian's Chromium with a warm HTTP cache, as a returning user sees it.
 */
export async function benchWeb(persons = Number(process.env.BENCH_WEB_PERSONS ?? 10_000)): Promise<void> {
  const buildStart = performance.now();
  const built = await buildWebIfStale();
  const sizes = { ...webBundleSizes(), buildSeconds: built ? round((performance.now() - buildStart) / 1000, 1) : null };
  const missing = chromiumMissingReason();
  if (missing) return report('web', 'sqlite', { ...sizes, firstRender: `skipped: ${missing}` });
  const fresh = await freshDatabaseUrl('sqlite', 'web');
  const database = connect(fresh.url);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await migrateToLatest(database);
    await loadRegions(database);
    await loadDemo(database, { persons, seed: 1, asOf: '2026-11-29' });
    const user = await createTestUser(database, { role: 'countyStaff' });
    const app = await buildApp({ database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const page = await browser.newPage({ baseURL: base, viewport: { width: 1366, height: 768 } });
    const signIn = await page.request.post('/api/v1/session', { data: { username: user.username, password: user.password } });
    if (!signIn.ok()) throw new Error(`bench web: sign-in failed ${signIn.status()}`);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      await page.goto('/persons');
      await page.locator('tbody tr').first().waitFor();
      if (i > 0) times.push(performance.now() - start); // the first load fills the HTTP cache
    }
    await app.close();
    report('web', 'sqlite', { ...sizes, persons, firstRowMsP50: round(percentile(times, 50)), firstRowMsMax: round(Math.max(...times)) });
  } finally {
    await browser.close();
    await database.close();
    await fresh.drop();
    if (fs.existsSync(fresh.url)) fs.rmSync(fresh.url, { force: true });
  }
}
