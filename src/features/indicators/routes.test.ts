import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import { flushAudit } from '../access/audit.ts';
import type { Role } from '../access/roles.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../access/test-helpers.ts';
import { buildIndicatorFixture, fixtureOrgs } from './test-fixture.ts';

const fullId = /(?<!\d)\d{17}[\dX](?!\d)/;

describe.each(await availableEngines())('indicator endpoints on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const headers = new Map<Role, SignedInHeaders>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await buildIndicatorFixture(database);
    app = await buildApp({ database });
    for (const role of ['countyAdmin', 'countyStaff', 'townStaff', 'villageWorker', 'departmentUser'] as Role[]) {
      const org = role === 'villageWorker' ? fixtureOrgs.village : undefined;
      const user = await createTestUser(database, { role, org });
      headers.set(role, await signIn(app, user.username, user.password));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (role: Role, url: string) => app.inject({ method: 'GET', url, headers: headers.get(role) });

  it('answers the FORMATS.md §6 document', async () => {
    const res = await get('countyStaff', '/api/v1/indicators?year=2025&org=441821');
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({ year: 2025, org: '441821' });
    expect(doc.indicators).toHaveLength(11);
    expect(doc.indicators[4]).toMatchObject({
      key: 'nursingSubsidyCoverage',
      numerator: 3,
      denominator: 5,
      value: 0.6,
      target: 1,
      kind: 'binding',
      met: false,
    });
    expect(Object.keys(doc.indicators[0])).toEqual(
      expect.arrayContaining(['key', 'name', 'numerator', 'denominator', 'value', 'target', 'kind', 'met']),
    );
  });

  it('defaults to the caller’s own unit and hides units outside the scope (404)', async () => {
    const own = await get('townStaff', '/api/v1/indicators?year=2025');
    expect(own.json()).toMatchObject({ org: fixtureOrgs.shijiao });
    expect((await get('townStaff', `/api/v1/indicators?year=2025&org=${fixtureOrgs.shuitou}`)).statusCode).toBe(404);
    expect((await get('villageWorker', '/api/v1/indicators?year=2025&org=441821')).statusCode).toBe(404);
    expect((await get('countyStaff', '/api/v1/indicators?year=2025&org=441821999')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/indicators?year=2025' })).statusCode).toBe(401);
  });

  it('pages the gap list with masked ID numbers and audits it', async () => {
    const res = await get('townStaff', '/api/v1/indicators/rehabCoverage/gaps?year=2025&limit=10');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ key: 'rehabCoverage', org: fixtureOrgs.shijiao, total: 1 });
    expect(page.items[0]).toMatchObject({ name: '测试P12', reason: { code: 'NEED_NOT_SERVED' } });
    expect(res.body).not.toMatch(fullId);
    await flushAudit(database);
    const audit = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'indicator.gaps').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect((await get('countyStaff', '/api/v1/indicators/nope/gaps?year=2025')).json().error.code).toBe('INDICATOR_UNKNOWN');
    expect((await get('countyStaff', '/api/v1/indicators/incomeGrowth/gaps?year=2025')).json().error.code).toBe('INDICATOR_NO_GAPS');
  });

  it('exports a gap list as .xlsx for roles that may export, audited', async () => {
    const res = await get('countyStaff', '/api/v1/indicators/nursingSubsidyCoverage/gaps.xlsx?year=2025&org=441821');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await database.db.selectFrom('audit_log').select('details_json').where('action', '=', 'indicator.gaps.export').execute();
    expect(audit[0]?.details_json).toContain('"rows":2');
    expect((await get('villageWorker', '/api/v1/indicators/nursingSubsidyCoverage/gaps.xlsx?year=2025')).statusCode).toBe(403);
  });

  it('serves the plan report, the trend and the town comparison', async () => {
    const report = await get('departmentUser', '/api/v1/indicators/report.xlsx?year=2025&org=441821');
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const trend = (await get('countyStaff', '/api/v1/indicators/trend?org=441821')).json();
    expect(trend.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(
      trend.series.find((s: { key: string }) => s.key === 'homeModifications').points.map((p: { numerator: number }) => p.numerator),
    ).toEqual([0, 1, 2, 3, 3]);
    const towns = (await get('countyStaff', '/api/v1/indicators/towns?year=2025')).json();
    expect(towns.units).toHaveLength(6);
  });

  it('lets a county admin set a yearly parameter and no one else', async () => {
    const body = { value: 0.05, source: '测试来源' };
    const put = (role: Role) =>
      app.inject({ method: 'PUT', url: '/api/v1/indicators/parameters/gdpGrowth/2025', headers: headers.get(role), payload: body });
    expect((await put('countyStaff')).statusCode).toBe(403);
    expect((await put('countyAdmin')).statusCode).toBe(204);
    const doc = (await get('countyStaff', '/api/v1/indicators?year=2025')).json();
    expect(doc.indicators[0]).toMatchObject({ key: 'incomeGrowth', target: 0.05, met: true });
    const list = (await get('countyStaff', '/api/v1/indicators/parameters')).json();
    expect(list.items.find((p: { year: number }) => p.year === 2024)).toMatchObject({ key: 'gdpGrowth', value: 0.05 });
  });
});
