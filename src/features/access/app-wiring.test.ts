import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import { createTestUser, signIn } from './test-helpers.ts';

describe('access control in the assembled app', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('keeps the health check public, with the security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 without sign-in and serves a signed-in user', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/org-units' })).statusCode).toBe(401);
    const u = await createTestUser(database, { role: 'countyStaff' });
    const headers = await signIn(app, u.username, u.password);
    expect((await app.inject({ method: 'GET', url: '/api/v1/org-units', headers })).json().root.code).toBe('441821');
  });

  it('documents the session and token security schemes in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/users', '/api/v1/tokens', '/api/v1/audit']));
  });
});
