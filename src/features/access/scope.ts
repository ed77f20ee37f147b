import { AppError } from '../../contracts/app-error.ts';
import { type Permission, type Role, rolePermissions } from './roles.ts';

/** The org-unit levels a scope can be anchored at. */
export type ScopeLevel = 'province' | 'city' | 'county' | 'town' | 'village';

/**
 * Who is asking, and over which part of the registry: the one door to personal data (ARCHITECTURE.md principle 3).
 * Every store function takes a Scope first; scoping, masking and audit happen there.
 */
export type Scope = {
  /** null for the command line and for background jobs. */
  userId: number | null;
  username: string;
  role: Role | 'system';
  /** The org unit the user belongs to; its subtree is what the user may see. */
  orgCode: string;
  orgLevel: ScopeLevel;
  permissions: ReadonlySet<Permission>;
  /** The caller's address, for the audit log. */
  ip: string | null;
};

// One set per role, shared by every scope of that role (a scope is built per request; nothing mutates the set).
const permissionSets = new Map<Role, ReadonlySet<Permission>>();

function permissionsOf(role: Role): ReadonlySet<Permission> {
  let set = permissionSets.get(role);
  if (!set) {
    set = new Set(rolePermissions[role]);
    permissionSets.set(role, set);
  }
  return set;
}

/** Builds the scope of a signed-in user. */
export function userScope(
  user: { id: number; username: string; role: Role; orgCode: string; orgLevel: ScopeLevel },
  ip: string | null,
): Scope {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    orgCode: user.orgCode,
    orgLevel: user.orgLevel,
    permissions: permissionsOf(user.role),
    ip,
  };
}

/** The scope of the command line: an operator at the machine, with every grant, over the whole database. */
export function systemScope(username = 'cli'): Scope {
  const all = new Set(Object.values(rolePermissions).flat());
  return { userId: null, username, role: 'system', orgCode: '440000', orgLevel: 'province', permissions: all, ip: null };
}

/** True when the scope holds the grant. */
export function can(scope: Scope, permission: Permission): boolean {
  return scope.permissions.has(permission);
}

/** Throws FORBIDDEN unless the scope holds the grant. */
export function assertCan(scope: Scope, permission: Permission): void {
  if (!can(scope, permission)) throw new AppError('FORBIDDEN', { details: { permission } });
}

/** A condition on a person column: equality, or a code prefix for a city scope. */
export type ScopeFilter = { column: 'county_code' | 'town_code' | 'village_code'; value: string; prefix?: boolean };

/**
 * The person column that limits this scope and the value it must have, or null when the scope sees every person
 * (province-level). Persons carry county, town and village codes, so each scope is one equality (scope-query.ts).
 */
export function scopeFilter(scope: Scope): ScopeFilter | null {
  switch (scope.orgLevel) {
    case 'province':
      return null;
    case 'city':
      // A city scope covers its counties: county codes share the city's first four digits.
      return { column: 'county_code', value: scope.orgCode.slice(0, 4), prefix: true };
    case 'county':
      return { column: 'county_code', value: scope.orgCode };
    case 'town':
      return { column: 'town_code', value: scope.orgCode };
    case 'village':
      return { column: 'village_code', value: scope.orgCode };
  }
}
