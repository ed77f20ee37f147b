import { AppError } from '../../contracts/app-error.ts';
import type { Assignee } from '../../contracts/benefits.ts';
import type { Database } from '../../db/connect.ts';
import { type Role, rolePermissions } from '../access/roles.ts';
import type { Scope } from '../access/scope.ts';
import { assertBenefit } from './permissions.ts';
import { benefitsDb } from './tables.ts';

/** True when the caller's org subtree holds the town (a city covers its counties by their first four digits). */
function covers(scope: Scope, town: string): boolean {
  if (scope.role === 'system' || scope.orgLevel === 'province') return true;
  if (scope.orgLevel === 'city') return town.startsWith(scope.orgCode.slice(0, 4));
  return town.startsWith(scope.orgCode);
}

/**
 * The active users who may work a task of the town: those of the town itself or of its county, whose role holds
 * benefit.task (the same rule tasks.ts assertAssignee enforces when the task is assigned). Town first.
 */
export async function listAssignees(database: Database, scope: Scope, town: string): Promise<{ items: Assignee[] }> {
  assertBenefit(scope, 'benefit.task');
  if (!covers(scope, town)) throw new AppError('NOT_FOUND');
  const roles = (Object.keys(rolePermissions) as Role[]).filter((r) => rolePermissions[r].includes('benefit.task'));
  const rows = await benefitsDb(database)
    .selectFrom('app_user')
    .select(['username', 'display_name', 'role', 'org_code'])
    .where('disabled', '=', 0)
    .where('org_code', 'in', [town, town.slice(0, 6)])
    .where('role', 'in', roles)
    .orderBy('org_code', 'desc')
    .orderBy('username')
    .execute();
  return { items: rows.map((r) => ({ username: r.username, displayName: r.display_name, role: r.role, orgCode: r.org_code })) };
}
