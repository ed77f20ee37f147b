import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFileColumns, type PersonFileKey, type PersonFileRow } from '../../contracts/person-file.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import { flushAudit } from '../access/audit.ts';
import type { Role } from '../access/roles.ts';
import { systemScope } from '../access/scope.ts';
import { createTestUser, type SignedInHeaders, signIn } from '../access/test-helpers.ts';
import { idFor } from '../indicators/test-fixture.ts';
import { importRecords } from '../registry/import/import-persons.ts';

const asOf = '2026-06-30';
// name → [town, certificate valid until, deceased on]
const persons: [string, '石角镇' | '水头镇', string, string?][] = [
  ['过期甲', '石角镇', '2026-06-29'],
  ['过期乙', '水头镇', '2020-01-01'],
  ['当天到期', '石角镇', '2026-06-30'],
  ['将到期', '水头镇', '2026-09-28'],
  ['窗口外', '石角镇', '2026-09-29'],
  ['已故', '石角镇', '2026-01-01', '2026-03-01'],
  ['远期', '水头镇', '2030-01-01'],
];

async function buildPersons(database: Database): Promise<Record<string, number>> {
  const records = persons.map(([name, town, validUntil, deceasedOn], i) => {
    const idNumber = idFor(`1970010${1 + i}`, 21 + 2 * i);
    const row: PersonFileRow = {
      name,
      idNumber,
      certificateNumber: `${idNumber}42`,
      category: '肢体',
      level: '2',
      town,
      certificateIssuedOn: '2016-06-01',
      certificateValidUntil: validUntil,
      ...(deceasedOn ? { deceasedOn } : {}),
    };
    return { rowNumber: i + 2, record: row };
  });
  const present = new Set<PersonFileKey>(personFileColumns.map((c) => c.key));
  const report = await importRecords(database, systemScope('test'), { headerProblems: [], present, records }, { asOf: '2026-11-29' });
  if (report.invalid > 0) throw new Error(JSON.stringify(report.errors));
  const rows = await database.db.selectFrom('person').select(['id', 'name']).execute();
  const ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  // 过期甲 still receives the living subsidy: the list must say what the lapse stops.
  await database.db
    .insertInto('enrolment')
    .values({
      person_id: ids.过期甲 as number,
      program: 'livingSubsidy',
      start_date: '2024-01-01',
      end_date: null,
      monthly_amount_fen: 10000,
      source: 'test',
      recorded_at: '2026-01-01T00:00:00Z',
      recorded_by: 'test',
    })
    .execute();
  return ids;
}

describe.each(await availableEngines())('certificate renewals on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const headers = new Map<Role, SignedInHeaders>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await buildPersons(database);
    await database.db
      .insertInto('org_unit')
      .values({ code: '441821100201', name: '测试村', level: 'village', parent_code: '441821100', kind: 'village', demo: 1 })
      .execute();
    app = await buildApp({ database });
    for (const role of ['countyStaff', 'townStaff', 'villageWorker'] as Role[]) {
      const user = await createTestUser(database, { role });
      headers.set(role, await signIn(app, user.username, user.password));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (role: Role, url: string) => app.inject({ method: 'GET', url, headers: headers.get(role) });

  it('lists expired and due-soon certificates of living persons, soonest first, with what they receive', async () => {
    const res = await get('countyStaff', `/api/v1/renewals?date=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['过期乙', '过期甲', '当天到期', '将到期']);
    expect(body.counts).toEqual({ expired: 2, dueSoon: 2 });
    expect(body.byTown).toEqual([
      { code: '441821100', name: '石角镇', expired: 1, dueSoon: 1 },
      { code: '441821101', name: '水头镇', expired: 1, dueSoon: 1 },
    ]);
    expect(body.items[1]).toMatchObject({ state: 'expired', daysLeft: -1, validUntil: '2026-06-29', benefits: ['livingSubsidy'] });
    expect(body.items[2]).toMatchObject({ state: 'dueSoon', daysLeft: 0, benefits: [] });
    expect(body.items[1].idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(body.items[1].certificateNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]42$/);
  });

  it('filters by state, window and town, and pages with a cursor', async () => {
    const expired = (await get('countyStaff', `/api/v1/renewals?date=${asOf}&state=expired`)).json();
    expect(expired.items.map((i: { name: string }) => i.name)).toEqual(['过期乙', '过期甲']);
    const wide = (await get('countyStaff', `/api/v1/renewals?date=${asOf}&within=91&state=dueSoon`)).json();
    expect(wide.items.map((i: { name: string }) => i.name)).toEqual(['当天到期', '将到期', '窗口外']);
    const town = (await get('countyStaff', `/api/v1/renewals?date=${asOf}&town=441821101`)).json();
    expect(town.items.map((i: { name: string }) => i.name)).toEqual(['过期乙', '将到期']);
    const first = (await get('countyStaff', `/api/v1/renewals?date=${asOf}&limit=3`)).json();
    expect(first.items).toHaveLength(3);
    const second = (await get('countyStaff', `/api/v1/renewals?date=${asOf}&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { name: string }) => i.name)).toEqual(['将到期']);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps a town worker to her town and audits the read', async () => {
    const body = (await get('townStaff', `/api/v1/renewals?date=${asOf}`)).json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['过期甲', '当天到期']);
    expect(body.byTown.map((t: { code: string }) => t.code)).toEqual(['441821100']);
    await flushAudit(database);
    const audit = await database.db.selectFrom('audit_log').select(['action']).where('action', '=', 'renewal.list').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('exports the list as xlsx for roles that may export, audited with the row count; refuses a village worker', async () => {
    const res = await get('countyStaff', `/api/v1/renewals/export?date=${asOf}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    await flushAudit(database);
    const audit = await database.db.selectFrom('audit_log').select(['details_json']).where('action', '=', 'renewal.export').execute();
    expect(JSON.parse(String(audit.at(-1)?.details_json))).toMatchObject({ rows: 4 });
    expect((await get('villageWorker', `/api/v1/renewals/export?date=${asOf}`)).statusCode).toBe(403);
  });

  it('answers a bad query with a validation error on the field', async () => {
    const res = await get('countyStaff', '/api/v1/renewals?within=400');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});
