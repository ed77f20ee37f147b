import { AppError } from '../../contracts/app-error.ts';
import { type OrgUnits, isWithin } from './org-tree.ts';
import type { Role } from './roles.ts';
import type { Scope, ScopeLevel } from './scope.ts';
import { type UserRecord, presentSessionUser, type SessionUser } from './users-store.ts';

/** The org-unit levels each role may belong to (a town worker to a town, a village worker to a village). */
export const roleOrgLevels: Record<Role, readonly ScopeLevel[]> = {
  countyAdmin: ['county', 'city', 'province'],
  countyStaff: ['county', 'city', 'province'],
  departmentUser: ['county', 'city', 'province'],
  auditor: ['county', 'city', 'province'],
  townStaff: ['town'],
  villageWorker: ['village'],
};

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Throws VALIDATION unless the (normalised) username is 3–64 letters, digits, dots, dashes or underscores. */
export function assertUsername(username: string): void {
  if (!usernamePattern.test(username)) {
    throw new AppError('VALIDATION', { message: '用户名须为 3–64 位字母、数字、点、横线或下划线', path: ['username'] });
  }
}

/** Throws unless the org unit exists inside the admin's subtree and suits the role. */
export function assertRoleOrg(units: OrgUnits, scope: Scope, role: Role, orgCode: string): void {
  const unit = units.get(orgCode);
  if (!unit || !isWithin(units, orgCode, scope.orgCode)) throw new AppError('ORG_UNKNOWN', { path: ['orgCode'] });
  if (!roleOrgLevels[role].includes(unit.level)) {
    throw new AppError('ROLE_ORG_MISMATCH', { path: ['role'], details: { role, orgLevel: unit.level, allowed: roleOrgLevels[role] } });
  }
}

/** A user as the admin endpoints answer. */
export type AdminUser = SessionUser & {
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  lastSignInAt: string | null;
  createdAt: string;
  version: number;
};

/** Presents a user for the admin endpoints (never the password hash). */
export function presentAdminUser(user: UserRecord, now: Date): AdminUser {
  return {
    ...presentSessionUser(user),
    disabled: user.disabled,
    locked: user.lockedUntil !== null && new Date(user.lockedUntil) > now,
    lockedUntil: user.lockedUntil,
    failedAttempts: user.failedAttempts,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
    version: user.version,
  };
}
