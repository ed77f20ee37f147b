import { AppError } from '../../contracts/app-error.ts';
import { recordAudit } from './audit.ts';
import { invalidateAuth } from './auth-cache.ts';
import type { AccessContext } from './context.ts';
import { loadOrgUnits, subtreeCodes } from './org-tree.ts';
import { type ScryptParams, defaultScryptParams, hashPassword } from './password-hash.ts';
import { assertPasswordAcceptable, generatePassword } from './password-change.ts';
import type { Role } from './roles.ts';
import { type Scope, assertCan } from './scope.ts';
import { deleteUserSessions } from './sessions.ts';
import { type AdminUser, assertRoleOrg, assertUsername, presentAdminUser } from './user-admin-rules.ts';
import { type UserRecord, findUserById, findUserByUsername, normalizeUsername, selectUsers, toUserRecord } from './users-store.ts';

/** A new account. Without a password one is generated (and returned once); mustChangePassword defaults to true. */
export type UserCreate = {
  username: string;
  role: Role;
  orgCode: string;
  displayName?: string | null;
  password?: string;
  mustChangePassword?: boolean;
  /** Test accounts only: cheaper hashing. */
  hashParams?: ScryptParams;
};

/** Creates an account inside the admin's subtree (user.manage). Audited as `user.create`. */
export async function createUser(ctx: AccessContext, scope: Scope, input: UserCreate): Promise<{ user: AdminUser; password: string }> {
  assertCan(scope, 'user.manage');
  const { database, config } = ctx;
  const username = normalizeUsername(input.username);
  assertUsername(username);
  assertRoleOrg(await loadOrgUnits(database.db), scope, input.role, input.orgCode);
  const password = input.password ?? generatePassword();
  assertPasswordAcceptable(password, config.passwordPolicy, { username }, 'password');
  if (await findUserByUsername(database.db, username)) throw new AppError('DUPLICATE', { path: ['username'] });
  const hash = await hashPassword(password, input.hashParams ?? defaultScryptParams);
  const now = config.clock.now().toISOString();
  const mustChange = input.mustChangePassword ?? true;
  const id = await database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('app_user')
      .values({
        username,
        display_name: input.displayName ?? null,
        role: input.role,
        org_code: input.orgCode,
        password_hash: hash,
        must_change_password: mustChange ? 1 : 0,
        password_changed_at: now,
        failed_attempts: 0,
        locked_until: null,
        disabled: 0,
        last_sign_in_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const details = {
      username,
      role: input.role,
      orgCode: input.orgCode,
      displayName: input.displayName ?? null,
      mustChangePassword: mustChange,
    };
    await recordAudit(trx, scope, { action: 'user.create', targetType: 'user', targetId: row.id, outcome: 'success', details });
    return Number(row.id);
  });
  const user = (await findUserById(database.db, id)) as UserRecord;
  return { user: presentAdminUser(user, config.clock.now()), password };
}

/** The users whose org unit lies in the admin's subtree, by username. */
export async function listUsers(ctx: AccessContext, scope: Scope): Promise<AdminUser[]> {
  assertCan(scope, 'user.manage');
  const codes = subtreeCodes(await loadOrgUnits(ctx.database.db), scope.orgCode);
  if (codes.length === 0) return [];
  const rows = await selectUsers(ctx.database.db).where('app_user.org_code', 'in', codes).orderBy('app_user.username').execute();
  return rows.map((r) => presentAdminUser(toUserRecord(r), ctx.config.clock.now()));
}

/** A change to an account; every field is optional. `version`, when given, must match (409 otherwise). */
export type UserPatch = {
  displayName?: string | null;
  role?: Role;
  orgCode?: string;
  disabled?: boolean;
  resetPassword?: boolean;
  unlock?: boolean;
  version?: number;
};

/**
 * Changes an account in the admin's subtree: profile, role and org (permission changes), disable/enable, unlock,
 * password reset (a generated password that must be changed at next sign-in, returned once). Disabling, a reset,
 * or a role or org change ends the user's sessions. Admins cannot disable themselves or change their own role.
 */
export async function updateUser(
  ctx: AccessContext,
  scope: Scope,
  id: number,
  patch: UserPatch,
): Promise<{ user: AdminUser; temporaryPassword?: string }> {
  assertCan(scope, 'user.manage');
  const { database, config } = ctx;
  const units = await loadOrgUnits(database.db);
  const before = await findUserById(database.db, id);
  if (!before || !subtreeCodes(units, scope.orgCode).includes(before.orgCode)) throw new AppError('NOT_FOUND');
  if (patch.version !== undefined && patch.version !== before.version) throw new AppError('VERSION_CONFLICT');
  const self = scope.userId === before.id;
  if (self && (patch.disabled || (patch.role && patch.role !== before.role) || (patch.orgCode && patch.orgCode !== before.orgCode))) {
    throw new AppError('STATUS_INVALID', { message: '不能停用自己的账号或更改自己的角色、机构' });
  }
  const role = patch.role ?? before.role;
  const orgCode = patch.orgCode ?? before.orgCode;
  if (patch.role !== undefined || patch.orgCode !== undefined) assertRoleOrg(units, scope, role, orgCode);
  const temporaryPassword = patch.resetPassword ? generatePassword() : undefined;
  const hash = temporaryPassword ? await hashPassword(temporaryPassword) : undefined;
  const now = config.clock.now().toISOString();
  const changes = diff(before, { displayName: patch.displayName, role: patch.role, orgCode: patch.orgCode, disabled: patch.disabled });
  const endSessions = patch.disabled === true || hash !== undefined || 'role' in changes || 'orgCode' in changes;
  await database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set((eb) => ({
        display_name: patch.displayName === undefined ? before.displayName : patch.displayName,
        role,
        org_code: orgCode,
        disabled: (patch.disabled ?? before.disabled) ? 1 : 0,
        ...(patch.unlock || hash ? { failed_attempts: 0, locked_until: null } : {}),
        ...(hash ? { password_hash: hash, must_change_password: 1, password_changed_at: now } : {}),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    const sessionsEnded = endSessions ? await deleteUserSessions(trx, id) : 0;
    const details = { username: before.username, changes, unlock: patch.unlock === true, resetPassword: hash !== undefined, sessionsEnded };
    await recordAudit(trx, scope, { action: 'user.update', targetType: 'user', targetId: id, outcome: 'success', details });
  });
  invalidateAuth(database);
  const user = presentAdminUser((await findUserById(database.db, id)) as UserRecord, config.clock.now());
  return temporaryPassword ? { user, temporaryPassword } : { user };
}

function diff(before: UserRecord, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as unknown as Record<string, unknown>)[key];
    if (to !== undefined && to !== from) changes[key] = { from, to };
  }
  return changes;
}
