import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { auditVerify, ensureDemoAdmin, tokenCreate, userAdd } from './cli.ts';
import { buildAccessTestApp } from './test-app.ts';

describe.each(await availableEngines())('access CLI functions on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildAccessTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('creates the demo admin once, with a password that must be changed', async () => {
    const password = await ensureDemoAdmin(database);
    expect(password).toMatch(/^.{16}$/);
    expect(await ensureDemoAdmin(database)).toBeNull();
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin', password } });
    expect(res.json().user).toMatchObject({
      username: 'admin',
      role: 'countyAdmin',
      orgCode: '441821',
      orgName: '佛冈县',
      mustChangePassword: true,
    });
  });

  it('adds users with the operator password and the policy applied, and issues tokens', async () => {
    const user = await userAdd(database, { username: 'mz-api', role: 'departmentUser', org: '441821', password: 'Dept-secret-2026' });
    expect(user).toMatchObject({ username: 'mz-api', role: 'departmentUser', mustChangePassword: false });
    await expect(userAdd(database, { username: 'weak', role: 'countyStaff', org: '441821', password: 'abc' })).rejects.toMatchObject({
      code: 'PASSWORD_WEAK',
    });
    await expect(
      userAdd(database, { username: 'mz-api', role: 'countyStaff', org: '441821', password: 'Dept-secret-2026' }),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    const token = await tokenCreate(database, { username: 'mz-api' });
    const me = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.username).toBe('mz-api');
    await expect(tokenCreate(database, { username: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('verifies the chain, then names the entry an edit broke', async () => {
    const ok = await auditVerify(database);
    expect(ok).toMatchObject({ ok: true });
    expect(ok.ok && ok.entries).toBeGreaterThanOrEqual(4);
    const target = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'user.create')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (engine === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(database.db);
      await sql`update audit_log set outcome = 'failure' where id = ${target.id}`.execute(database.db);
    } else {
      await sql`alter table audit_log disable trigger audit_log_guard`.execute(database.db);
      await sql`update audit_log set outcome = 'failure' where id = ${target.id}`.execute(database.db);
    }
    expect(await auditVerify(database)).toMatchObject({
      ok: false,
      brokenAt: Number(target.id),
      reason: expect.stringContaining(`第 ${target.id} 条`),
    });
  });
});
