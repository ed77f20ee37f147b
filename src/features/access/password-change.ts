import { randomInt } from 'node:crypto';
import { AppError } from '../../contracts/app-error.ts';
import { type AuditActor, recordAuditAs } from './audit.ts';
import { invalidateAuth } from './auth-cache.ts';
import type { AccessContext } from './context.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { type PasswordPolicy, checkPassword, passwordRuleMessages } from './password-policy.ts';
import { deleteUserSessions } from './sessions.ts';
import type { UserRecord } from './users-store.ts';

/** Throws PASSWORD_WEAK (with the failed rules in details) unless the password passes the policy. */
export function assertPasswordAcceptable(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string; current?: string },
  path: string,
): void {
  const failed = checkPassword(password, policy, context);
  if (failed.length === 0) return;
  const message = `密码不符合安全要求：${failed.map((r) => passwordRuleMessages[r]).join('；')}`;
  throw new AppError('PASSWORD_WEAK', { message, path: [path], details: { rules: failed, policy } });
}

/** A random password that passes either policy: 16 characters from all four classes. */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%*-_+=?'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  while (chars.length < 16) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * Changes the signed-in user's own password: checks the current one (failures count toward the sign-in rate
 * limit), applies the policy, clears the must-change flag and ends the user's other sessions.
 */
export async function changeOwnPassword(
  ctx: AccessContext,
  user: UserRecord,
  input: { currentPassword: string; newPassword: string; sessionHash?: string; ip: string | null },
): Promise<void> {
  const { database, config, limiters } = ctx;
  const actor: AuditActor = { userId: user.id, username: user.username, role: user.role, orgCode: user.orgCode, ip: input.ip };
  const event = { action: 'auth.passwordChange', targetType: 'user', targetId: user.id } as const;
  if (limiters.byUsername.count(user.username) >= config.signInRate.perUsername) throw new AppError('RATE_LIMITED');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    limiters.byUsername.hit(user.username);
    await recordAuditAs(
      database.db,
      actor,
      { ...event, outcome: 'failure', details: { reason: 'wrongCurrentPassword' } },
      config.clock.now(),
    );
    throw new AppError('PASSWORD_INCORRECT', { path: ['currentPassword'] });
  }
  assertPasswordAcceptable(
    input.newPassword,
    config.passwordPolicy,
    { username: user.username, current: input.currentPassword },
    'newPassword',
  );
  const hash = await hashPassword(input.newPassword);
  const now = config.clock.now().toISOString();
  await database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', user.id)
      .execute();
    const ended = await deleteUserSessions(trx, user.id, input.sessionHash);
    await recordAuditAs(trx, actor, { ...event, outcome: 'success', details: { otherSessionsEnded: ended } }, config.clock.now());
  });
  invalidateAuth(database);
}
