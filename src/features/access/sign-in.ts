import { AppError } from '../../contracts/app-error.ts';
import { type AuditActor, recordAuditAs } from './audit.ts';
import { addMinutes } from './config.ts';
import type { AccessContext } from './context.ts';
import { dummyHash, verifyPassword } from './password-hash.ts';
import { type NewSession, createSession, deleteExpiredSessions } from './sessions.ts';
import { type UserRecord, findUserByUsername, normalizeUsername } from './users-store.ts';

/** A successful sign-in: the user and the new session's secrets. */
export type SignedIn = { user: UserRecord; session: NewSession };

/** The audit actor of a sign-in attempt (the user when known). */
function actorFor(username: string, user: UserRecord | undefined, ip: string | null): AuditActor {
  return user
    ? { userId: user.id, username: user.username, role: user.role, orgCode: user.orgCode, ip }
    : { userId: null, username, role: null, orgCode: null, ip };
}

/**
 * Checks a username and password and opens a session. Unknown users, disabled users and wrong passwords all
 * answer INVALID_CREDENTIALS after the same scrypt work; five failures in a row lock the account for fifteen
 * minutes (ACCOUNT_LOCKED); too many failures per address or username answer RATE_LIMITED. Every outcome is audited.
 */
export async function signIn(ctx: AccessContext, input: { username: string; password: string; ip: string | null }): Promise<SignedIn> {
  const { database, config, limiters } = ctx;
  const username = normalizeUsername(input.username);
  const ipKey = input.ip ?? 'unknown';
  if (limiters.byIp.count(ipKey) >= config.signInRate.perIp || limiters.byUsername.count(username) >= config.signInRate.perUsername) {
    await recordAuditAs(
      database.db,
      actorFor(username, undefined, input.ip),
      { action: 'auth.signIn', outcome: 'denied', details: { reason: 'rateLimited' } },
      config.clock.now(),
    );
    throw new AppError('RATE_LIMITED');
  }
  const user = await findUserByUsername(database.db, username);
  const now = config.clock.now();
  if (user?.lockedUntil && new Date(user.lockedUntil) > now) {
    limiters.byUsername.hit(username);
    await recordAuditAs(
      database.db,
      actorFor(username, user, input.ip),
      {
        action: 'auth.signIn',
        targetType: 'user',
        targetId: user.id,
        outcome: 'denied',
        details: { reason: 'locked', lockedUntil: user.lockedUntil },
      },
      now,
    );
    throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: user.lockedUntil } });
  }
  const valid = await verifyPassword(input.password, user && !user.disabled ? user.passwordHash : await dummyHash());
  if (!user || user.disabled || !valid) {
    limiters.byIp.hit(ipKey);
    limiters.byUsername.hit(username);
    if (user && !user.disabled) await recordFailure(ctx, user, input.ip);
    else
      await recordAuditAs(
        database.db,
        actorFor(username, user, input.ip),
        { action: 'auth.signIn', outcome: 'failure', details: { reason: user ? 'disabled' : 'unknownUser' } },
        now,
      );
    throw new AppError('INVALID_CREDENTIALS');
  }
  limiters.byUsername.reset(username);
  const session = await database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_attempts: 0, locked_until: null, last_sign_in_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await deleteExpiredSessions(trx, config);
    const created = await createSession(trx, user.id, input.ip, config);
    await recordAuditAs(
      trx,
      actorFor(username, user, input.ip),
      { action: 'auth.signIn', targetType: 'user', targetId: user.id, outcome: 'success' },
      now,
    );
    return created;
  });
  return { user: { ...user, failedAttempts: 0, lockedUntil: null, lastSignInAt: now.toISOString() }, session };
}

/** Counts a wrong password; the failure that reaches the limit locks the account and answers ACCOUNT_LOCKED. */
async function recordFailure(ctx: AccessContext, user: UserRecord, ip: string | null): Promise<void> {
  const { database, config } = ctx;
  const now = config.clock.now();
  const locked = await database.db.transaction().execute(async (trx) => {
    // A lock that has run out starts a fresh count.
    const expired = user.lockedUntil !== null;
    const row = await trx
      .updateTable('app_user')
      .set((eb) => ({ failed_attempts: expired ? 1 : eb('failed_attempts', '+', 1), locked_until: null }))
      .where('id', '=', user.id)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    const failures = Number(row.failed_attempts);
    const actor = actorFor(user.username, user, ip);
    if (failures < config.lockout.maxFailures) {
      await recordAuditAs(
        trx,
        actor,
        {
          action: 'auth.signIn',
          targetType: 'user',
          targetId: user.id,
          outcome: 'failure',
          details: { reason: 'wrongPassword', failures },
        },
        now,
      );
      return null;
    }
    const lockedUntil = addMinutes(now, config.lockout.minutes).toISOString();
    await trx.updateTable('app_user').set({ locked_until: lockedUntil }).where('id', '=', user.id).execute();
    await recordAuditAs(
      trx,
      actor,
      { action: 'auth.lockout', targetType: 'user', targetId: user.id, outcome: 'failure', details: { failures, lockedUntil } },
      now,
    );
    return lockedUntil;
  });
  if (locked) throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: locked } });
}
