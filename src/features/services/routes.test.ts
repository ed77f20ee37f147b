import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import { flushAudit } from '../access/audit.ts';
import type { Role } from '../access/roles.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../access/test-helpers.ts';
import { buildIndicatorFixture, fixtureOrgs } from '../indicators/test-fixture.ts';

describe.each(await availableEngines())('survey and service endpoints on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let ids: Record<string, number>;
  const headers = new Map<Role, SignedInHeaders>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ids = await buildIndicatorFixture(database);
    app = await buildApp({ database });
    for (const role of ['countyStaff', 'villageWorker', 'departmentUser'] as Role[]) {
      const user = await createTestUser(database, { role, org: role === 'villageWorker' ? fixtureOrgs.village : undefined });
      headers.set(role, await signIn(app, user.username, user.password));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (role: Role, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: headers.get(role), ...(payload ? { payload } : {}) });

  it('lets a village worker fill the survey form, version-checked, keeping history', async () => {
    const url = `/api/v1/persons/${ids.P0}/survey/2026`;
    const first = await call('villageWorker', 'PUT', url, { version: 0, rehabNeed: true, rehabReceived: false, incomePerCapita: 1200.5 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ year: 2026, version: 1 });
    const stale = await call('villageWorker', 'PUT', url, { version: 0, rehabNeed: true, rehabReceived: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await call('villageWorker', 'PUT', url, { version: 1, rehabNeed: true, rehabReceived: true })).json()).toEqual({
      year: 2026,
      version: 2,
    });
    const list = (await call('villageWorker', 'GET', `/api/v1/persons/${ids.P0}/survey`)).json();
    expect(list.items.find((i: { year: number }) => i.year === 2026)).toMatchObject({
      version: 2,
      rehabReceived: true,
      incomePerCapita: null,
      supersededAt: null,
    });
    expect(list.history.find((i: { year: number }) => i.year === 2026)).toMatchObject({ version: 1, incomePerCapita: 1200.5 });
  });

  it('hides persons outside the scope (404) and refuses roles that may not record (403)', async () => {
    expect((await call('villageWorker', 'GET', `/api/v1/persons/${ids.P1}/survey`)).statusCode).toBe(404);
    expect((await call('villageWorker', 'PUT', `/api/v1/persons/${ids.P1}/survey/2026`, { version: 0 })).statusCode).toBe(404);
    expect((await call('departmentUser', 'PUT', `/api/v1/persons/${ids.P1}/survey/2026`, { version: 0 })).statusCode).toBe(403);
    expect((await call('countyStaff', 'PUT', `/api/v1/persons/${ids.P1}/survey/2031`, { version: 0 })).json().error.code).toBe(
      'YEAR_INVALID',
    );
  });

  it('records a home modification through its stages, version-checked and audited', async () => {
    const base = `/api/v1/persons/${ids.P6}/services`;
    const created = await call('countyStaff', 'POST', base, {
      kind: 'homeModification',
      startDate: '2026-03-01',
      status: 'applied',
      costFen: 600_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    const sid = created.json().id as number;
    const surveyed = await call('countyStaff', 'PATCH', `${base}/${sid}`, { version: 1, status: 'surveyed' });
    expect(surveyed.json()).toEqual({ id: sid, version: 2 });
    expect((await call('countyStaff', 'PATCH', `${base}/${sid}`, { version: 2, status: 'applied' })).json().error.code).toBe(
      'SERVICE_STATUS_INVALID',
    );
    expect((await call('countyStaff', 'PATCH', `${base}/${sid}`, { version: 1, status: 'works' })).statusCode).toBe(409);
    expect(
      (await call('countyStaff', 'PATCH', `${base}/${sid}`, { version: 2, status: 'accepted', endDate: '2026-09-01' })).json().version,
    ).toBe(3);
    const items = (await call('villageWorker', 'GET', base)).json().items;
    const record = items.find((i: { id: number }) => i.id === sid);
    expect(record).toMatchObject({ status: 'accepted', endDate: '2026-09-01', costFen: 600_000 });
    expect(record.details.stages).toMatchObject({ applied: '2026-03-01', accepted: '2026-09-01' });
    expect(
      (await call('countyStaff', 'POST', base, { kind: 'rehab', startDate: '2026-03-01', status: 'accepted' })).json().error.code,
    ).toBe('SERVICE_STATUS_INVALID');
    await flushAudit(database);
    const audit = await database.db.selectFrom('audit_log').select('action').where('target_type', '=', 'service').execute();
    expect(audit.map((a) => a.action)).toEqual(['service.create', 'service.update', 'service.update']);
    expect((await call('villageWorker', 'GET', `/api/v1/persons/${ids.P1}/services`)).statusCode).toBe(404);
    expect((await call('countyStaff', 'GET', `/api/v1/persons/${ids.P0}/enrolments`)).json().items.length).toBeGreaterThan(0);
  });
});
