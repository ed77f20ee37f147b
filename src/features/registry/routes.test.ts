import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../access/test-helpers.ts';
import type { Role } from '../access/roles.ts';
import { systemScope } from '../access/scope.ts';
import { importRecords } from './import/import-persons.ts';
import { addTestVillage, buildPersonRow, testIdNumber } from './test-factory.ts';
import { personFileColumns, type PersonFileKey } from '../../contracts/person-file.ts';

const fullId = /(?<!\d)\d{17}[\dX](?!\d)/;

describe.each(await availableEngines())('person endpoints on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const headers = new Map<Role, SignedInHeaders>();
  const ids = { shijiao: 0, shuitou: 0 };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await addTestVillage(database);
    const present = new Set<PersonFileKey>(personFileColumns.map((c) => c.key));
    // Person 0 lives in 测试村, 石角镇; person 1 in 水头镇 (buildPersonRow alternates).
    const records = [0, 1, 2, 3].map((i) => ({ rowNumber: i + 2, record: buildPersonRow(i) }));
    await importRecords(database, systemScope('test'), { headerProblems: [], present, records }, { asOf: '2026-11-29' });
    const rows = await database.db.selectFrom('person').select(['id', 'id_number']).execute();
    ids.shijiao = rows.find((r) => r.id_number === testIdNumber(0))?.id ?? 0;
    ids.shuitou = rows.find((r) => r.id_number === testIdNumber(1))?.id ?? 0;
    app = await buildApp({ database });
    for (const role of ['countyAdmin', 'countyStaff', 'townStaff', 'villageWorker', 'departmentUser', 'auditor'] as Role[]) {
      const org = role === 'villageWorker' ? '441821100201' : undefined;
      const user = await createTestUser(database, { role, org });
      headers.set(role, await signIn(app, user.username, user.password));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (role: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: headers.get(role), ...(payload ? { payload } : {}) });

  type Endpoint = { name: string; write?: boolean; reveal?: boolean; run: (role: Role, id: number) => ReturnType<typeof call> };
  const version = async (id: number) =>
    (await database.db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const endpoints: Endpoint[] = [
    { name: 'GET person', run: (r, id) => call(r, 'GET', `/api/v1/persons/${id}`) },
    { name: 'GET history', run: (r, id) => call(r, 'GET', `/api/v1/persons/${id}/history`) },
    {
      name: 'PATCH person',
      write: true,
      run: async (r, id) => call(r, 'PATCH', `/api/v1/persons/${id}`, { version: await version(id), guardianName: `监护${r}` }),
    },
    {
      name: 'POST reveal',
      reveal: true,
      run: (r, id) => call(r, 'POST', `/api/v1/persons/${id}/reveal`, { fields: ['idNumber'], reason: '核对身份' }),
    },
  ];
  const grants: Record<Role, { write: boolean; reveal: boolean; sees: (town: 'shijiao' | 'shuitou') => boolean }> = {
    countyAdmin: { write: true, reveal: true, sees: () => true },
    countyStaff: { write: true, reveal: true, sees: () => true },
    townStaff: { write: true, reveal: true, sees: (t) => t === 'shijiao' },
    villageWorker: { write: false, reveal: true, sees: (t) => t === 'shijiao' },
    departmentUser: { write: false, reveal: false, sees: () => true },
    auditor: { write: false, reveal: false, sees: () => true },
  };

  const matrix = Object.entries(grants).flatMap(([role, g]) =>
    endpoints.flatMap((e) =>
      (['shijiao', 'shuitou'] as const).map((town) => {
        const allowed = (!e.write || g.write) && (!e.reveal || g.reveal);
        const expected = !allowed ? 403 : g.sees(town) ? 200 : 404;
        return [role as Role, e.name, town, expected] as const;
      }),
    ),
  );

  it.each(matrix)('%s %s of a person in %s answers %i', async (role, name, town, expected) => {
    const endpoint = endpoints.find((e) => e.name === name) as Endpoint;
    const res = await endpoint.run(role, ids[town]);
    expect(res.statusCode, res.body).toBe(expected);
    if (expected === 404) expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '记录不存在' } });
    if (!endpoint.reveal) expect(res.body).not.toMatch(fullId);
  });

  it('lists only the persons in scope, masked, for every role', async () => {
    for (const role of headers.keys()) {
      const res = await call(role, 'GET', '/api/v1/persons?limit=50');
      expect(res.statusCode).toBe(200);
      const towns = new Set(res.json().items.map((p: { town: string }) => p.town));
      if (grants[role].sees('shuitou')) expect(towns).toEqual(new Set(['441821100', '441821101']));
      else expect(towns).toEqual(new Set(['441821100']));
      expect(res.body).not.toMatch(fullId);
      expect(res.json().items[0].idNumber).toMatch(/^441821\*{8}\d{3}[\dX]$/);
    }
  });

  it('audits a town user asking for a person of another town, and answers as if it did not exist', async () => {
    const res = await call('townStaff', 'GET', `/api/v1/persons/${ids.shuitou}`);
    const missing = await call('townStaff', 'GET', '/api/v1/persons/999999');
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe(missing.body);
    const { flushAudit } = await import('../access/audit.ts');
    await flushAudit(database);
    const rows = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.read')
      .where('outcome', '=', 'denied')
      .where('target_id', '=', String(ids.shuitou))
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });

  it('shows a department user only its fields', async () => {
    const res = await call('departmentUser', 'GET', `/api/v1/persons/${ids.shijiao}`);
    const body = res.json();
    expect(body.name).toBeDefined();
    expect(body).not.toHaveProperty('phone');
    expect(body).not.toHaveProperty('guardianName');
    expect(body).not.toHaveProperty('householdNo');
  });

  it('searches by name prefix, ID number and certificate number through POST, keeping them out of the URL', async () => {
    const byId = await call('countyStaff', 'POST', '/api/v1/persons/search', { q: testIdNumber(2) });
    expect(byId.json().items.map((p: { id: number }) => p.id)).toHaveLength(1);
    const byCert = await call('countyStaff', 'POST', '/api/v1/persons/search', { q: `${testIdNumber(3)}42` });
    expect(byCert.json().items).toHaveLength(1);
    const byName = await call('countyStaff', 'POST', '/api/v1/persons/search', { q: '测试' });
    expect(byName.json().items).toHaveLength(4);
    // LIKE wildcards in the text are literal (PostgreSQL searches names with LIKE).
    for (const q of ['测%', '测_', '_试', '测\\']) {
      const literal = await call('countyStaff', 'POST', '/api/v1/persons/search', { q });
      expect(literal.json().items, q).toHaveLength(0);
    }
  });

  it('pages with an opaque cursor', async () => {
    const first = await call('countyStaff', 'GET', '/api/v1/persons?limit=3');
    const { items, nextCursor } = first.json();
    expect(items).toHaveLength(3);
    expect(nextCursor).toEqual(expect.any(String));
    expect(nextCursor).not.toContain('测试');
    const second = await call('countyStaff', 'GET', `/api/v1/persons?limit=3&cursor=${nextCursor}`);
    expect(second.json().items).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
    const bad = await call('countyStaff', 'GET', '/api/v1/persons?cursor=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('rejects a stale version with 409 and keeps the newer edit', async () => {
    const id = ids.shijiao;
    const v = await version(id);
    const first = await call('countyStaff', 'PATCH', `/api/v1/persons/${id}`, { version: v, guardianName: '甲' });
    expect(first.statusCode).toBe(200);
    const second = await call('townStaff', 'PATCH', `/api/v1/persons/${id}`, { version: v, guardianName: '乙' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    const row = await database.db.selectFrom('person').select(['guardian_name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ guardian_name: '甲', version: v + 1 });
  });

  it('answers a bad edit with the field, a stable code and a Chinese message, and changes nothing', async () => {
    const id = ids.shijiao;
    const v = await version(id);
    const res = await call('countyStaff', 'PATCH', `/api/v1/persons/${id}`, { version: v, phone: '123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PHONE_INVALID', message: '电话号码格式错误', path: ['body', 'phone'] });
    expect(await version(id)).toBe(v);
  });

  it('creates a person and refuses the same ID number twice', async () => {
    const fields = { ...buildPersonRow(9), village: null };
    const created = await call('countyStaff', 'POST', '/api/v1/persons', fields);
    expect(created.statusCode, created.body).toBe(201);
    const again = await call('countyStaff', 'POST', '/api/v1/persons', fields);
    expect(again.statusCode).toBe(409);
    const outside = await call('townStaff', 'POST', '/api/v1/persons', { ...buildPersonRow(11), village: null });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('marks a person deceased, keeps the record, and records it in the history', async () => {
    const id = ids.shuitou;
    const res = await call('countyStaff', 'POST', `/api/v1/persons/${id}/deceased`, { version: await version(id), date: '2026-10-01' });
    expect(res.statusCode, res.body).toBe(200);
    const person = (await call('countyStaff', 'GET', `/api/v1/persons/${id}`)).json();
    expect(person).toMatchObject({ status: 'deceased', deceasedOn: '2026-10-01' });
    const history = (await call('countyStaff', 'GET', `/api/v1/persons/${id}/history`)).json();
    expect(history.items[0]).toMatchObject({
      action: 'markDeceased',
      changes: expect.arrayContaining([expect.objectContaining({ field: 'status', after: 'deceased' })]),
    });
    const twice = await call('countyStaff', 'POST', `/api/v1/persons/${id}/deceased`, { version: await version(id), date: '2026-10-01' });
    expect(twice.statusCode).toBe(409);
  });

  it('reveals a full ID number only with a reason, and audits it', async () => {
    const res = await call('townStaff', 'POST', `/api/v1/persons/${ids.shijiao}/reveal`, { fields: ['idNumber'], reason: '上门核对' });
    expect(res.json()).toEqual({ idNumber: testIdNumber(0) });
    const noReason = await call('townStaff', 'POST', `/api/v1/persons/${ids.shijiao}/reveal`, { fields: ['idNumber'] });
    expect(noReason.statusCode).toBe(400);
  });
});
