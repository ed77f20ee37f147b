import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { personFileColumns } from '../../contracts/person-file.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../access/test-helpers.ts';
import { openTable } from '../files/read-table.ts';
import { writeTable } from '../files/write-table.ts';
import { addTestVillage, buildPersonRow } from './test-factory.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpf-import-routes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function csvBytes(rows: ReturnType<typeof buildPersonRow>[]): Promise<Buffer> {
  const file = path.join(dir, `f${Math.random()}.csv`);
  await writeTable(
    file,
    'csv',
    personFileColumns.map((c) => c.header),
    rows.map((r) => personFileColumns.map((c) => r[c.key] ?? null)),
  );
  return fs.readFileSync(file);
}

async function readBack(bytes: Buffer, ext: string) {
  const file = path.join(dir, `r${Math.random()}${ext}`);
  fs.writeFileSync(file, bytes);
  const opened = await openTable(file);
  if (!opened.ok) throw new Error(opened.code);
  const rows = [];
  for await (const r of opened.value.rows) rows.push(r.cells);
  return { headers: opened.value.headers, rows };
}

describe.each(await availableEngines())('import and export over HTTP on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let staff: SignedInHeaders;
  let village: SignedInHeaders;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await addTestVillage(database);
    app = await buildApp({ database });
    const s = await createTestUser(database, { role: 'countyStaff' });
    staff = await signIn(app, s.username, s.password);
    const v = await createTestUser(database, { role: 'villageWorker', org: '441821100201' });
    village = await signIn(app, v.username, v.password);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (bytes: Buffer, query: string, headers = staff) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/imports/persons?${query}`,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('名单.csv') },
      payload: bytes,
    });
  const waitFor = async (jobId: string) => {
    for (let i = 0; i < 200; i++) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/imports/${jobId}`, headers: staff });
      if (res.json().status !== 'running') return res.json();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import job did not finish');
  };

  it('dry-runs an upload with errors, offers the errors as .xlsx, then commits the fixed file', async () => {
    const rows = [0, 1, 2].map((i) => buildPersonRow(i));
    const bad = await upload(await csvBytes([...rows, buildPersonRow(3, { phone: '12' })]), 'dryRun=true');
    expect(bad.statusCode).toBe(202);
    const report = (await waitFor(bad.json().jobId)).report;
    expect(report).toMatchObject({ rows: 4, invalid: 1, committed: false });
    const errors = await app.inject({ method: 'GET', url: `/api/v1/imports/${bad.json().jobId}/errors.xlsx`, headers: staff });
    expect(errors.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readBack(errors.rawPayload, '.xlsx');
    expect(sheet.headers).toEqual(['行号', '列', '错误代码', '说明']);
    expect(sheet.rows).toEqual([[5, '联系电话', 'PHONE_INVALID', '电话号码格式错误']]);
    const good = await upload(await csvBytes(rows), 'dryRun=false');
    expect((await waitFor(good.json().jobId)).report).toMatchObject({ created: 3, committed: true });
  });

  it("refuses uploads from roles without the import grant, and other users' jobs", async () => {
    expect((await upload(Buffer.from('x'), 'dryRun=true', village)).statusCode).toBe(403);
    const job = await upload(await csvBytes([buildPersonRow(5)]), 'dryRun=true');
    const other = await app.inject({ method: 'GET', url: `/api/v1/imports/${job.json().jobId}`, headers: village });
    expect(other.statusCode).toBe(404);
  });

  it('serves an empty template with the persons headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/persons/template?format=xlsx', headers: staff });
    expect(res.statusCode).toBe(200);
    expect((await readBack(res.rawPayload, '.xlsx')).headers).toEqual(personFileColumns.map((c) => c.header));
  });

  it('exports the current search masked, and not for a village worker', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/exports/persons',
      headers: staff,
      payload: { format: 'csv', town: '441821100' },
    });
    expect(res.statusCode).toBe(200);
    const sheet = await readBack(res.rawPayload, '.csv');
    expect(sheet.rows.length).toBeGreaterThan(0);
    expect(sheet.rows.every((r) => String(r[1]).includes('********'))).toBe(true);
    expect(res.body).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
    const denied = await app.inject({ method: 'POST', url: '/api/v1/exports/persons', headers: village, payload: { format: 'csv' } });
    expect(denied.statusCode).toBe(403);
  });
});
