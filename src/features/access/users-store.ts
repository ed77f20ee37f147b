import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { type Role, isRole } from './roles.ts';
import type { ScopeLevel } from './scope.ts';

/** A user as the access feature works with it (joined with the user's org unit). */
export type UserRecord = {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  orgCode: string;
  orgName: string;
  orgLevel: ScopeLevel;
  passwordHash: string;
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  failedAttempts: number;
  lockedUntil: string | null;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  version: number;
};

/** Usernames are compared in lower case, without surrounding spaces. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The select that yields a UserRecord, for reuse with extra joins. */
export function selectUsers(db: Kysely<DB>) {
  return db
    .selectFrom('app_user')
    .innerJoin('org_unit', 'org_unit.code', 'app_user.org_code')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.display_name',
      'app_user.role',
      'app_user.org_code',
      'org_unit.name as org_name',
      'org_unit.level as org_level',
      'app_user.password_hash',
      'app_user.must_change_password',
      'app_user.password_changed_at',
      'app_user.failed_attempts',
      'app_user.locked_until',
      'app_user.disabled',
      'app_user.last_sign_in_at',
      'app_user.created_at',
      'app_user.version',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

/** Maps a joined row to a UserRecord; an unknown stored role fails closed. */
export function toUserRecord(row: UserRow): UserRecord {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role`);
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgCode: row.org_code,
    orgName: row.org_name,
    orgLevel: row.org_level,
    passwordHash: row.password_hash,
    mustChangePassword: Number(row.must_change_password) === 1,
    passwordChangedAt: row.password_changed_at,
    failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until,
    disabled: Number(row.disabled) === 1,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    version: Number(row.version),
  };
}

/** The user with this username, or undefined. */
export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRecord | undefined> {
  const row = await selectUsers(db).where('app_user.username', '=', normalizeUsername(username)).executeTakeFirst();
  return row ? toUserRecord(row) : undefined;
}

/** The user with this id, or undefined. */
export async function findUserById(db: Kysely<DB>, id: number): Promise<UserRecord | undefined> {
  const row = await selectUsers(db).where('app_user.id', '=', id).executeTakeFirst();
  return row ? toUserRecord(row) : undefined;
}

/** The user as the session endpoints answer (FORMATS.md §6). */
export type SessionUser = {
  id: number;
  username: string;
  displayName?: string;
  role: Role;
  orgCode: string;
  orgName: string;
  mustChangePassword: boolean;
};

/** Presents a user for the session endpoints. */
export function presentSessionUser(user: UserRecord, mustChangePassword = user.mustChangePassword): SessionUser {
  const base = { id: user.id, username: user.username, role: user.role, orgCode: user.orgCode, orgName: user.orgName, mustChangePassword };
  return user.displayName ? { ...base, displayName: user.displayName } : base;
}
