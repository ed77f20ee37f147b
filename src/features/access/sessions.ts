import type { Kysely } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { type AuthCache, authCacheOf, invalidateAuth } from './auth-cache.ts';
import { type AccessConfig, addMinutes } from './config.ts';
import { newSecret, sha256 } from './secrets.ts';
import { type UserRecord, selectUsers, toUserRecord } from './users-store.ts';

/** A session just created: the secrets go to the browser once and are never stored. */
export type NewSession = { sessionId: string; csrfToken: string; expiresAt: string };

/** A live session with its user. */
export type ActiveSession = { idHash: string; csrfHash: string; lastSeenAt: string; expiresAt: string; user: UserRecord };

/** Creates a session (a new id at every sign-in) for the user. */
export async function createSession(db: Kysely<DB>, userId: number, ip: string | null, config: AccessConfig): Promise<NewSession> {
  const now = config.clock.now();
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addMinutes(now, config.session.absoluteHours * 60).toISOString();
  await db
    .insertInto('user_session')
    .values({
      id_hash: sha256(sessionId),
      user_id: userId,
      csrf_hash: sha256(csrfToken),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip,
    })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

/** Reads a session and its user by the hash of the cookie value. */
async function loadSession(db: Kysely<DB>, idHash: string): Promise<ActiveSession | undefined> {
  const row = await selectUsers(db)
    .innerJoin('user_session', 'user_session.user_id', 'app_user.id')
    .select(['user_session.csrf_hash', 'user_session.last_seen_at', 'user_session.expires_at'])
    .where('user_session.id_hash', '=', idHash)
    .executeTakeFirst();
  return row && { idHash, csrfHash: row.csrf_hash, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, user: toUserRecord(row) };
}

/**
 * The live session for a cookie value, or undefined. An idle or expired session is deleted; a disabled user's
 * session is refused. Look-ups are cached briefly (auth-cache.ts), and activity is written at most every
 * touchSeconds (or always with `touch`), so that an authenticated read costs no write and usually no query.
 */
export async function findSession(
  database: Database,
  sessionId: string,
  config: AccessConfig,
  touch = false,
): Promise<ActiveSession | undefined> {
  const idHash = sha256(sessionId);
  const now = config.clock.now();
  const cache = authCacheOf(database) as AuthCache<ActiveSession | null>;
  let session = cache.get(`s:${idHash}`, now.getTime());
  if (session === undefined) {
    session = (await loadSession(database.db, idHash)) ?? null;
    cache.set(`s:${idHash}`, session, now.getTime());
  }
  if (!session) return undefined;
  // Compared as milliseconds: the same instants as addMinutes on Dates, without four Date objects per request.
  const nowMs = now.getTime();
  const lastSeenMs = Date.parse(session.lastSeenAt);
  if (nowMs >= lastSeenMs + config.session.idleMinutes * 60_000 || nowMs >= Date.parse(session.expiresAt) || session.user.disabled) {
    await deleteSession(database.db, idHash);
    invalidateAuth(database);
    return undefined;
  }
  if (touch || nowMs - lastSeenMs >= config.session.touchSeconds * 1000) {
    session.lastSeenAt = now.toISOString();
    await database.db.updateTable('user_session').set({ last_seen_at: session.lastSeenAt }).where('id_hash', '=', idHash).execute();
  }
  return session;
}

/** Ends one session. */
export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, but the one kept (the caller's own, after a password change). */
export async function deleteUserSessions(db: Kysely<DB>, userId: number, keepIdHash?: string): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions that have expired (idle or absolute); run at sign-in. */
export async function deleteExpiredSessions(db: Kysely<DB>, config: AccessConfig): Promise<void> {
  const now = config.clock.now();
  const idleCutoff = addMinutes(now, -config.session.idleMinutes).toISOString();
  await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('last_seen_at', '<=', idleCutoff), eb('expires_at', '<=', now.toISOString())]))
    .execute();
}

/** When the session ends if nothing happens: the earlier of the idle and absolute limits. */
export function sessionEndsAt(session: Pick<ActiveSession, 'lastSeenAt' | 'expiresAt'>, config: AccessConfig): string {
  const idle = addMinutes(new Date(session.lastSeenAt), config.session.idleMinutes);
  const absolute = new Date(session.expiresAt);
  return (idle < absolute ? idle : absolute).toISOString();
}
