import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connect.ts';
import { createTestDatabase } from '../db/test-db.ts';
import { buildApp } from './app.ts';

describe('server', () => {
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

  it('answers the health check without sign-in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('answers unknown API paths with the error shape (unknown /api/v1 paths need sign-in first)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '记录不存在' } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('says whether the demo county is loaded, without sign-in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/instance' })).json()).toEqual({ demo: false });
    await database.db
      .insertInto('org_unit')
      .values({ code: '441821100299', name: '演示村', level: 'village', parent_code: '441821100', kind: 'village', demo: 1 })
      .execute();
    expect((await app.inject({ method: 'GET', url: '/api/instance' })).json()).toEqual({ demo: true });
  });
});
