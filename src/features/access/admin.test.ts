import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { roles } from './roles.ts';
import { buildAccessTestApp } from './test-app.ts';
import { type SignedInHeaders, createTestUser, signIn } from './test-helpers.ts';

describe.each(await availableEngines())('user and token administration on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: SignedInHeaders;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildAccessTestApp(database);
    const a = await createTestUser(database, { role: 'countyAdmin' });
    admin = await signIn(app, a.username, a.password);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  const adminCalls: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?][] = [
    ['GET', '/api/v1/users'],
    ['POST', '/api/v1/users', { username: 'matrix-user', role: 'countyStaff', orgCode: '441821' }],
    ['PATCH', '/api/v1/users/1', { unlock: true }],
    ['GET', '/api/v1/tokens'],
    ['POST', '/api/v1/tokens', { username: 'matrix-user' }],
    ['DELETE', '/api/v1/tokens/1'],
  ];

  it.each(roles.filter((r) => r !== 'countyAdmin'))('refuses every admin endpoint to %s with 403 FORBIDDEN', async (role) => {
    if (role === 'villageWorker')
      await database.db
        .insertInto('org_unit')
        .values({ code: '441821100201', name: '测试村', level: 'village', parent_code: '441821100', kind: 'village', demo: 1 })
        .onConflict((oc) => oc.doNothing())
        .execute();
    const u = await createTestUser(database, { role });
    const headers = await signIn(app, u.username, u.password);
    for (const [method, url, payload] of adminCalls) {
      const res = await call(method, url, headers, payload);
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await call('GET', '/api/v1/org-units', headers)).statusCode).toBe(200);
  });

  it('answers 401 to every admin endpoint without sign-in', async () => {
    for (const [method, url, payload] of adminCalls) expect((await call(method, url, {}, payload)).statusCode).toBe(401);
  });

  it('creates a user with a one-time password that must be changed, and refuses duplicates and bad orgs', async () => {
    const res = await call('POST', '/api/v1/users', admin, {
      username: 'Li.Si',
      role: 'townStaff',
      orgCode: '441821101',
      displayName: '李四',
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'li.si',
      role: 'townStaff',
      orgCode: '441821101',
      orgName: '水头镇',
      mustChangePassword: true,
      disabled: false,
    });
    const first = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'li.si', password: initialPassword } });
    expect(first.json().user.mustChangePassword).toBe(true);
    expect(
      (await call('POST', '/api/v1/users', admin, { username: 'li.si', role: 'townStaff', orgCode: '441821101' })).json().error.code,
    ).toBe('DUPLICATE');
    expect((await call('POST', '/api/v1/users', admin, { username: 'wang', role: 'townStaff', orgCode: '441821' })).json().error.code).toBe(
      'ROLE_ORG_MISMATCH',
    );
    expect(
      (await call('POST', '/api/v1/users', admin, { username: 'wang', role: 'countyStaff', orgCode: '999999' })).json().error.code,
    ).toBe('ORG_UNKNOWN');
    expect(
      (await call('POST', '/api/v1/users', admin, { username: 'wang', role: 'countyStaff', orgCode: '441821', password: 'weak' })).json()
        .error.code,
    ).toBe('PASSWORD_WEAK');
    const list = await call('GET', '/api/v1/users', admin);
    expect(list.json().items.map((u: { username: string }) => u.username)).toContain('li.si');
    expect(JSON.stringify(list.json())).not.toMatch(/scrypt/);
  });

  it('resets a password (must change), unlocks, and disables with its sessions ended', async () => {
    const u = await createTestUser(database, { role: 'countyStaff' });
    const headers = await signIn(app, u.username, u.password);
    const reset = await call('PATCH', `/api/v1/users/${u.id}`, admin, { resetPassword: true });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await call('GET', '/api/v1/session', headers)).statusCode).toBe(401);
    const temp = reset.json().temporaryPassword as string;
    const again = await signIn(app, u.username, temp);
    for (let i = 0; i < 5; i++)
      await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u.username, password: 'Wrong-pass-99' } });
    const locked = await call('GET', '/api/v1/users', admin);
    expect(locked.json().items.find((x: { id: number }) => x.id === u.id).locked).toBe(true);
    await call('PATCH', `/api/v1/users/${u.id}`, admin, { unlock: true });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u.username, password: temp } })).statusCode,
    ).toBe(200);
    const disabled = await call('PATCH', `/api/v1/users/${u.id}`, admin, { disabled: true });
    expect(disabled.json().user.disabled).toBe(true);
    expect((await call('GET', '/api/v1/session', again)).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: u.username, password: temp } })).json().error.code,
    ).toBe('INVALID_CREDENTIALS');
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'user')
      .where('target_id', '=', String(u.id))
      .execute();
    expect(audit.filter((a) => a.action === 'user.update')).toHaveLength(3);
  });

  it('does not let an admin disable themselves, and hides users outside the subtree', async () => {
    const me = (await call('GET', '/api/v1/session', admin)).json().user.id;
    expect((await call('PATCH', `/api/v1/users/${me}`, admin, { disabled: true })).json().error.code).toBe('STATUS_INVALID');
    expect((await call('PATCH', '/api/v1/users/999999', admin, { unlock: true })).statusCode).toBe(404);
  });

  it('authenticates bearer tokens without CSRF, and stops them when revoked', async () => {
    const dept = await createTestUser(database, { role: 'departmentUser' });
    const created = await call('POST', '/api/v1/tokens', admin, { username: dept.username, name: '民政局接口' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^sdpf_[A-Za-z0-9_-]{43}$/);
    const stored = await database.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await call('GET', '/api/v1/session', bearer);
    expect(me.json().user).toMatchObject({ username: dept.username, role: 'departmentUser' });
    expect((await call('GET', '/api/v1/org-units', bearer)).json().root.code).toBe('441821');
    expect((await call('POST', '/api/v1/tokens', bearer, { username: dept.username })).json().error.code).toBe('FORBIDDEN');
    expect((await call('GET', '/api/v1/tokens', admin)).json().items[0]).toMatchObject({ id, name: '民政局接口', revokedAt: null });
    expect((await call('DELETE', `/api/v1/tokens/${id}`, admin)).statusCode).toBe(204);
    const revoked = await call('GET', '/api/v1/session', bearer);
    expect([revoked.statusCode, revoked.json().error.code]).toEqual([401, 'TOKEN_INVALID']);
    expect((await call('GET', '/api/v1/session', { authorization: 'Bearer sdpf_nonsense' })).statusCode).toBe(401);
  });

  it('answers the org-unit tree of the caller subtree', async () => {
    const town = await createTestUser(database, { role: 'townStaff', org: '441821102' });
    const headers = await signIn(app, town.username, town.password);
    expect((await call('GET', '/api/v1/org-units', headers)).json().root).toMatchObject({
      code: '441821102',
      name: '汤塘镇',
      level: 'town',
    });
    const county = (await call('GET', '/api/v1/org-units', admin)).json().root;
    expect(county.children.map((c: { code: string }) => c.code)).toContain('441821107');
  });
});
