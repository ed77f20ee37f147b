import type { Database } from '../../db/connect.ts';
import { actorOf } from './audit.ts';
import { purgeAudit } from './audit-purge.ts';
import { type AuditVerification, verifyAuditChain } from './audit-verify.ts';
import { accessContext } from './context.ts';
import type { Role } from './roles.ts';
import { systemScope } from './scope.ts';
import { createToken } from './tokens.ts';
import type { AdminUser } from './user-admin-rules.ts';
import { createUser } from './user-admin.ts';

// The access commands of the `smart-dpf` CLI, as plain functions; they act as the operator at the machine.

/**
 * `smart-dpf user add`: creates an account with the password the operator typed (checked against the policy).
 * The operator chose the password, so it need not be changed unless `mustChangePassword` says so.
 */
export async function userAdd(
  database: Database,
  input: { username: string; role: Role; org: string; password: string; displayName?: string; mustChangePassword?: boolean },
): Promise<AdminUser> {
  const { user } = await createUser(accessContext(database), systemScope('cli'), {
    username: input.username,
    role: input.role,
    orgCode: input.org,
    password: input.password,
    displayName: input.displayName ?? null,
    mustChangePassword: input.mustChangePassword ?? false,
  });
  return user;
}

/** `smart-dpf token create`: issues an API token for the user and returns it (it is stored only hashed). */
export async function tokenCreate(database: Database, input: { username: string; name?: string }): Promise<string> {
  const { token } = await createToken(accessContext(database), systemScope('cli'), input);
  return token;
}

/** `smart-dpf audit verify`: recomputes the hash chain; `ok: false` names the first broken entry. */
export function auditVerify(database: Database): Promise<AuditVerification> {
  return verifyAuditChain(database);
}

/** `smart-dpf audit purge --before DATE`: deletes entries older than DATE, which must be ≥ 180 days ago. */
export function auditPurge(database: Database, input: { before: Date }): Promise<{ deleted: number }> {
  return purgeAudit(database, actorOf(systemScope('cli')), input.before);
}

/**
 * For `npm start` on an empty database: when there is no account at all, creates `admin` (countyAdmin of
 * 佛冈县, 441821) with a random password that must be changed at first sign-in, and returns that password so the
 * starter can print it once. Returns null when accounts exist.
 */
export async function ensureDemoAdmin(database: Database): Promise<string | null> {
  const any = await database.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const { password } = await createUser(accessContext(database), systemScope('cli'), {
    username: 'admin',
    role: 'countyAdmin',
    orgCode: '441821',
    displayName: '管理员',
    mustChangePassword: true,
  });
  return password;
}
