import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { recordAuditAs } from './audit.ts';
import { purgeAudit } from './audit-purge.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { buildAccessTestApp } from './test-app.ts';
import { type SignedInHeaders, createTestUser, signIn } from './test-helpers.ts';

describe.each(await availableEngines())('audit search and retention on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let auditor: SignedInHeaders;
  const cli = { userId: null, username: 'cli', role: 'system', orgCode: '440000', ip: null };
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildAccessTestApp(database);
    const a = await createTestUser(database, { role: 'auditor' });
    auditor = await signIn(app, a.username, a.password);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lets the auditor search by user, action and time, page by cursor; the search is audited', async () => {
    const town = await createTestUser(database, { role: 'townStaff' });
    await signIn(app, town.username, town.password);
    const bySignIn = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?username=${town.username}&action=auth.signIn`,
      headers: auditor,
    });
    expect(bySignIn.statusCode).toBe(200);
    expect(bySignIn.json().items).toHaveLength(1);
    expect(bySignIn.json().items[0]).toMatchObject({
      username: town.username,
      role: 'townStaff',
      orgCode: '441821100',
      outcome: 'success',
      targetType: 'user',
    });
    const page1 = (await app.inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: auditor })).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await app.inject({ method: 'GET', url: `/api/v1/audit?limit=2&cursor=${page1.nextCursor}`, headers: auditor })).json();
    expect(page2.items[0].id).toBeLessThan(page1.items[1].id);
    const future = (await app.inject({ method: 'GET', url: '/api/v1/audit?from=2999-01-01', headers: auditor })).json();
    expect(future.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const todays = (
      await app.inject({ method: 'GET', url: `/api/v1/audit?from=${today}&to=${today}&action=audit.search`, headers: auditor })
    ).json();
    expect(todays.items.length).toBeGreaterThanOrEqual(3);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit?from=yesterday', headers: auditor })).statusCode).toBe(400);
  });

  it('keeps the log from everyone but the auditor, and offers no way to change it', async () => {
    const admin = await createTestUser(database, { role: 'countyAdmin' });
    const headers = await signIn(app, admin.username, admin.password);
    expect((await app.inject({ method: 'GET', url: '/api/v1/audit', headers })).json().error.code).toBe('FORBIDDEN');
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT'] as const) {
      expect((await app.inject({ method, url: '/api/v1/audit', headers: auditor })).statusCode).toBe(404);
    }
  });

  it('refuses to purge entries younger than 180 days, purges older ones, and still verifies', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    // Entries from a year ago, appended now (the chain is in id order, the purge only removes a prefix).
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await recordAuditAs(trx, cli, { action: 'test.old', outcome: 'success' }, old);
    });
    await expect(purgeAudit(database, cli, new Date(Date.now() - 179 * 86_400_000))).rejects.toMatchObject({ code: 'AUDIT_RETENTION' });
    expect(await purgeAudit(database, cli, new Date(Date.now() - 200 * 86_400_000))).toEqual({ deleted: 0 });

    const purgeable = await createTestDatabase(engine);
    try {
      for (let i = 0; i < 5; i++) await recordAuditAs(purgeable.db, cli, { action: 'test.old', outcome: 'success' }, old);
      for (let i = 0; i < 2; i++) await recordAuditAs(purgeable.db, cli, { action: 'test.new', outcome: 'success' });
      expect(await purgeAudit(purgeable, cli, new Date(Date.now() - 200 * 86_400_000))).toEqual({ deleted: 5 });
      const left = await purgeable.db.selectFrom('audit_log').select('action').orderBy('id').execute();
      expect(left.map((r) => r.action)).toEqual(['test.new', 'test.new', 'audit.purge']);
      expect(await verifyAuditChain(purgeable)).toMatchObject({ ok: true, entries: 3 });
      await expect(sql`delete from audit_log`.execute(purgeable.db)).rejects.toThrow(/append-only/);
    } finally {
      await purgeable.close();
    }
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });
});
