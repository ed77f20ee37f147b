import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connect.ts';
import { availableEngines, createTestDatabase } from '../db/test-db.ts';
import { roles } from '../features/access/roles.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../features/access/test-helpers.ts';
import { loadDemo } from '../features/demo/load-demo.ts';
import { openTable } from '../features/files/read-table.ts';
import { buildApp } from './app.ts';

// A full resident ID number: 17 digits and a digit or X, not part of a longer number.
const fullId = /(?<!\d)\d{17}[\dX](?!\d)/;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpf-walk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Values for path and query parameters that routes need; anything else is left out.
const sample: Record<string, string> = {
  year: '2025',
  date: '2025-12-31',
  program: 'nursingSubsidy',
  kind: 'eligibleNotReceiving',
  key: 'rehabCoverage',
  format: 'xlsx',
  org: '441821',
};

async function cellsOf(bytes: Buffer, ext: string): Promise<string> {
  const file = path.join(dir, `f${Math.random()}${ext}`);
  fs.writeFileSync(file, bytes);
  const opened = await openTable(file);
  if (!opened.ok) return '';
  const parts: string[] = [...opened.value.headers];
  for await (const row of opened.value.rows) parts.push(row.cells.map(String).join(' '));
  return parts.join('\n');
}

describe.each(await availableEngines())('no GET endpoint shows a full ID number, on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const headers = new Map<string, SignedInHeaders>();
  let personId = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 300, seed: 5, asOf: '2026-11-29' });
    app = await buildApp({ database });
    const first = await database.db
      .selectFrom('person')
      .select(['id', 'village_code'])
      .where('village_code', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    personId = first.id;
    for (const role of roles) {
      const org =
        role === 'villageWorker'
          ? (first.village_code as string)
          : role === 'townStaff'
            ? (first.village_code as string).slice(0, 9)
            : undefined;
      const user = await createTestUser(database, { role, org });
      headers.set(role, await signIn(app, user.username, user.password));
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('walks every GET route of the OpenAPI document as every role', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const walked: string[] = [];
    for (const [route, methods] of Object.entries(spec.paths)) {
      const get = methods.get;
      if (!get || !route.startsWith('/api/v1/')) continue;
      const params = get.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
      if (pathParams.some((p) => p !== 'id' && !(p in sample))) continue;
      const url = route.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' ? String(personId) : (sample[name] ?? '')));
      const query = params.filter((p) => p.in === 'query' && p.name in sample).map((p) => `${p.name}=${sample[p.name]}`);
      const full = query.length > 0 ? `${url}?${query.join('&')}` : url;
      for (const [role, h] of headers) {
        const res = await app.inject({ method: 'GET', url: full, headers: h });
        const type = String(res.headers['content-type'] ?? '');
        const text = type.includes('spreadsheetml')
          ? await cellsOf(res.rawPayload, '.xlsx')
          : type.includes('csv')
            ? await cellsOf(res.rawPayload, '.csv')
            : res.body;
        expect(text, `${role} GET ${full}`).not.toMatch(fullId);
        walked.push(`${role} ${full} ${res.statusCode}`);
      }
    }
    expect(walked.filter((w) => w.endsWith(' 200')).length).toBeGreaterThan(roles.length * 3);
  }, 300_000);
});
