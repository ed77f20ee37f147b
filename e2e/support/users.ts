import type { Database } from '../../src/db/connect.ts';
import { createTestUser } from '../../src/features/access/test-helpers.ts';
import type { Role } from '../../src/features/access/roles.ts';

/** The e2e accounts: one per role, plus one that must change its password. */
export type E2eUsers = Record<Role | 'newcomer', { username: string; password: string }>;

const roles: Role[] = ['countyAdmin', 'countyStaff', 'townStaff', 'villageWorker', 'departmentUser', 'auditor'];

/** Creates the accounts (cheap hashing, no forced change except for `newcomer`). */
export async function createUsers(database: Database): Promise<E2eUsers> {
  const users = {} as E2eUsers;
  for (const role of roles) {
    const u = await createTestUser(database, { role, username: `e2e_${role.toLowerCase()}` });
    users[role] = { username: u.username, password: u.password };
  }
  const n = await createTestUser(database, { role: 'countyStaff', username: 'e2e_newcomer', mustChangePassword: true });
  users.newcomer = { username: n.username, password: n.password };
  return users;
}
