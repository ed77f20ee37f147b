import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connect.ts';
import { createTestDatabase } from '../db/test-db.ts';
import { buildApp } from './app.ts';
import { loggerOptions } from './logger.ts';

describe('request logs', () => {
  let database: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ database, logger: { ...loggerOptions('info'), stream } });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('never hold a full ID or phone number from a URL', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/persons?q=441821198001010011' });
    await app.inject({ method: 'GET', url: '/api/v1/persons?q=13800138000' });
    const log = lines.join('');
    expect(log).toContain('/api/v1/persons?q=');
    expect(log).not.toContain('441821198001010011');
    expect(log).not.toContain('13800138000');
  });
});
