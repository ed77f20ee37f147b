import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { flushAudit } from './audit.ts';
import { rolePermissions } from './roles.ts';
import { sha256 } from './secrets.ts';
import { buildAccessTestApp, testClock } from './test-app.ts';
import { createTestUser, signIn } from './test-helpers.ts';

describe.each(await availableEngines())('sessions on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  // Starts at the real time: createTestUser stamps password_changed_at with the system clock.
  const clock = testClock(new Date());
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildAccessTestApp(database, { clock });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('signs in, sets HttpOnly SameSite=Strict cookies, and stores only the session hash', async () => {
    const u = await createTestUser(database, { role: 'townStaff' });
    const res = await post('/api/v1/session', { username: u.username, password: u.password });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({
      id: u.id,
      username: u.username,
      role: 'townStaff',
      orgCode: '441821100',
      orgName: '石角镇',
      mustChangePassword: false,
      permissions: [...rolePermissions.townStaff],
    });
    const session = res.cookies.find((c) => c.name === 'sdpf_session');
    const csrf = res.cookies.find((c) => c.name === 'sdpf_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session?.secure).toBeFalsy();
    expect(csrf?.httpOnly).toBeFalsy();
    const stored = await database.db.selectFrom('user_session').selectAll().where('user_id', '=', u.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id_hash).toBe(sha256(session?.value ?? ''));
    expect(JSON.stringify(stored)).not.toContain(session?.value);
    const me = await get('/api/v1/session', { cookie: `sdpf_session=${session?.value}` });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(u.username);
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('answers the same 401 for an unknown user and a wrong password, and audits both', async () => {
    const u = await createTestUser(database, { role: 'countyStaff' });
    const unknown = await post('/api/v1/session', { username: 'nobody-here', password: 'Whatever-123' });
    const wrong = await post('/api/v1/session', { username: u.username, password: 'Wrong-pass-123' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['username', 'outcome', 'action'])
      .where('action', '=', 'auth.signIn')
      .where('outcome', '=', 'failure')
      .execute();
    expect(rows.map((r) => r.username)).toEqual(expect.arrayContaining(['nobody-here', u.username]));
  });

  it('answers 401 UNAUTHENTICATED without a session, and ends the session at sign-out', async () => {
    expect((await get('/api/v1/session')).json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const u = await createTestUser(database, { role: 'countyStaff' });
    const headers = await signIn(app, u.username, u.password);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBe(204);
    // The old cookie no longer works ("back button fails").
    expect((await get('/api/v1/session', headers)).statusCode).toBe(401);
  });

  it('issues a new session id at every sign-in and ends the previous one', async () => {
    const u = await createTestUser(database, { role: 'countyStaff' });
    const first = await signIn(app, u.username, u.password);
    const again = await post('/api/v1/session', { username: u.username, password: u.password }, first);
    expect(again.statusCode).toBe(200);
    expect(again.cookies.find((c) => c.name === 'sdpf_session')?.value).not.toBe(first.cookie.match(/sdpf_session=([^;]+)/)?.[1]);
    expect((await get('/api/v1/session', first)).statusCode).toBe(401);
  });

  it('expires a session after 30 idle minutes, and after 12 hours whatever the activity', async () => {
    const u = await createTestUser(database, { role: 'countyStaff' });
    const headers = await signIn(app, u.username, u.password);
    clock.advanceMinutes(29);
    expect((await get('/api/v1/session', headers)).statusCode).toBe(200);
    clock.advanceMinutes(29);
    expect((await get('/api/v1/session', headers)).statusCode).toBe(200);
    clock.advanceMinutes(31);
    expect((await get('/api/v1/session', headers)).statusCode).toBe(401);

    const busy = await signIn(app, u.username, u.password);
    for (let i = 0; i < 25; i++) {
      clock.advanceMinutes(29);
      const res = await get('/api/v1/session', busy);
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('locks an account after 5 failures in a row, audits it, and lets it in again after 15 minutes', async () => {
    const u = await createTestUser(database, { role: 'countyStaff' });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await post('/api/v1/session', { username: u.username, password: `Wrong-${i}-pass` })).json().error.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    const locked = await post('/api/v1/session', { username: u.username, password: u.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    const lockout = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.lockout')
      .where('target_id', '=', String(u.id))
      .execute();
    expect(lockout).toHaveLength(1);
    clock.advanceMinutes(14);
    expect((await post('/api/v1/session', { username: u.username, password: u.password })).statusCode).toBe(423);
    clock.advanceMinutes(2);
    expect((await post('/api/v1/session', { username: u.username, password: u.password })).statusCode).toBe(200);
    // A success resets the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) await post('/api/v1/session', { username: u.username, password: 'Wrong-again-1' });
    expect((await post('/api/v1/session', { username: u.username, password: u.password })).statusCode).toBe(200);
  });

  it('rate-limits failed sign-ins per username, also for unknown users', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('/api/v1/session', { username: 'ghost', password: 'Wrong-pass-1' })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await post('/api/v1/session', { username: 'ghost', password: 'Wrong-pass-1' })).headers['retry-after']).toBe('300');
    clock.advanceMinutes(6);
    expect((await post('/api/v1/session', { username: 'ghost', password: 'Wrong-pass-1' })).statusCode).toBe(401);
  });

  it('forces a password change: sign-in succeeds, other calls answer 403 until the change', async () => {
    const u = await createTestUser(database, { role: 'countyAdmin', mustChangePassword: true });
    const res = await post('/api/v1/session', { username: u.username, password: u.password });
    expect(res.json().user.mustChangePassword).toBe(true);
    const headers = await signIn(app, u.username, u.password);
    expect((await get('/api/v1/users', headers)).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get('/api/v1/session', headers)).statusCode).toBe(200);
    const weak = await post('/api/v1/session/password', { currentPassword: u.password, newPassword: 'short' }, headers);
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_WEAK', path: ['newPassword'] });
    const wrongCurrent = await post(
      '/api/v1/session/password',
      { currentPassword: 'Not-my-pass-1', newPassword: 'New-secret-2026' },
      headers,
    );
    expect(wrongCurrent.json().error.code).toBe('PASSWORD_INCORRECT');
    const same = await post('/api/v1/session/password', { currentPassword: u.password, newPassword: u.password }, headers);
    expect(same.json().error.details.rules).toContain('SAME_AS_CURRENT');
    const ok = await post('/api/v1/session/password', { currentPassword: u.password, newPassword: 'New-secret-2026' }, headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    expect((await get('/api/v1/users', headers)).statusCode).toBe(200);
    expect((await post('/api/v1/session', { username: u.username, password: 'New-secret-2026' })).statusCode).toBe(200);
  });

  it('asks for a new password once it is older than the policy allows (等保 profile: 90 days)', async () => {
    const u = await createTestUser(database, { role: 'countyAdmin' });
    clock.advanceMinutes(91 * 24 * 60);
    const res = await post('/api/v1/session', { username: u.username, password: u.password });
    clock.advanceMinutes(-91 * 24 * 60);
    expect(res.json().user.mustChangePassword).toBe(true);
    expect((await post('/api/v1/session', { username: u.username, password: u.password })).json().user.mustChangePassword).toBe(false);
  });

  it('rejects unsafe cookie requests without the CSRF header, and audits the refusal', async () => {
    const u = await createTestUser(database, { role: 'countyAdmin' });
    const headers = await signIn(app, u.username, u.password);
    const payload = { username: u.username };
    const missing = await app.inject({ method: 'POST', url: '/api/v1/tokens', payload, headers: { cookie: headers.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      payload,
      headers: { cookie: headers.cookie.replace(/sdpf_csrf=[^;]+/, 'sdpf_csrf=forged'), 'x-csrf-token': 'forged' },
    });
    expect(forged.json().error.code).toBe('CSRF');
    expect((await app.inject({ method: 'POST', url: '/api/v1/tokens', payload, headers })).statusCode).toBe(201);
    await flushAudit(database);
    const denied = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('username', '=', u.username)
      .execute();
    expect(denied).toHaveLength(2);
  });

  it('sends the security headers', async () => {
    const res = await get('/api/v1/session');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves unknown /api/v1 paths to the 404 handler', async () => {
    expect((await get('/api/v1/nothing-here')).json().error.code).toBe('NOT_FOUND');
  });
});
