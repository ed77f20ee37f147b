import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/connect.ts';
import { accessContext } from './context.ts';
import { csrfCookie, sessionCookie } from './cookies.ts';
import { testScryptParams } from './password-hash.ts';
import type { Role } from './roles.ts';
import { systemScope } from './scope.ts';
import { createUser } from './user-admin.ts';

let counter = 0;

/**
 * Test helper: creates a user with the role at the org unit and returns the credentials. The org defaults to the
 * county 441821, 石角镇 (441821100) for townStaff, and the first village in the database for villageWorker.
 * Hashing is cheap so that suites sign in quickly; the password need not be changed unless asked.
 */
export async function createTestUser(
  database: Database,
  options: { role: Role; org?: string; password?: string; mustChangePassword?: boolean; username?: string },
): Promise<{ id: number; username: string; password: string }> {
  counter++;
  const username = options.username ?? `t${counter}_${options.role.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
  const password = options.password ?? `Test-pass-${counter}-Xy9`;
  const { user } = await createUser(accessContext(database), systemScope('test'), {
    username,
    role: options.role,
    orgCode: options.org ?? (await defaultOrg(database, options.role)),
    password,
    mustChangePassword: options.mustChangePassword ?? false,
    hashParams: testScryptParams,
  });
  return { id: user.id, username: user.username, password };
}

/** Headers that make app.inject requests signed in: the session and CSRF cookies, and the CSRF header. */
export type SignedInHeaders = { cookie: string; 'x-csrf-token': string };

/** Test helper: signs in through POST /api/v1/session and returns headers for app.inject; throws on failure. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<SignedInHeaders> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const session = cookies[sessionCookie];
  const csrf = cookies[csrfCookie];
  if (!session || !csrf) throw new Error('sign-in set no session cookies');
  return { cookie: `${sessionCookie}=${session}; ${csrfCookie}=${csrf}`, 'x-csrf-token': csrf };
}

async function defaultOrg(database: Database, role: Role): Promise<string> {
  if (role === 'townStaff') return '441821100';
  if (role !== 'villageWorker') return '441821';
  const village = await database.db
    .selectFrom('org_unit')
    .select('code')
    .where('level', '=', 'village')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  if (!village) throw new Error('createTestUser: no village in the database; pass `org`');
  return village.code;
}
