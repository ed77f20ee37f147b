import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../../db/connect.ts';
import { registerErrorHandler } from '../../server/plugins/errors.ts';
import type { AccessConfig, Clock } from './config.ts';
import { registerAccess } from './register.ts';

/** A clock that tests move by hand. */
export type TestClock = Clock & { set(at: Date | string): void; advanceMinutes(minutes: number): void };

/** Makes a hand-moved clock starting at `start`. */
export function testClock(start: Date | string = '2026-12-01T01:00:00Z'): TestClock {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set: (to) => {
      at = new Date(to);
    },
    advanceMinutes: (minutes) => {
      at = new Date(at.getTime() + minutes * 60_000);
    },
  };
}

/** Test helper: an app with only the error handler and access control (and its settings, e.g. a test clock). */
export async function buildAccessTestApp(database: Database, overrides: Partial<AccessConfig> = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerAccess(app, database, overrides);
  await app.ready();
  return app;
}
