import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { buildAccessTestApp } from './test-app.ts';
import { createTestUser, signIn } from './test-helpers.ts';

describe.each(await availableEngines())('user preferences on %s', (engine) => {
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

  it('remembers care mode per user, and only for that user', async () => {
    const a = await createTestUser(database, { role: 'countyStaff' });
    const b = await createTestUser(database, { role: 'countyStaff' });
    const ha = await signIn(app, a.username, a.password);
    const hb = await signIn(app, b.username, b.password);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: ha })).json()).toEqual({
      careMode: false,
      language: 'zh-CN',
    });
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      headers: ha,
      payload: { careMode: true, language: 'en' },
    });
    expect(put.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: ha })).json()).toEqual({
      careMode: true,
      language: 'en',
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: hb })).json()).toEqual({
      careMode: false,
      language: 'zh-CN',
    });
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: ha, payload: { careMode: 'yes' } });
    expect(bad.statusCode).toBe(400);
  });
});
