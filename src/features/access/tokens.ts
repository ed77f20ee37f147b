import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { type AuthCache, authCacheOf, invalidateAuth } from './auth-cache.ts';
import { recordAudit } from './audit.ts';
import type { AccessContext } from './context.ts';
import { isWithin, loadOrgUnits, subtreeCodes } from './org-tree.ts';
import { type Scope, assertCan } from './scope.ts';
import { newSecret, sha256 } from './secrets.ts';
import { type UserRecord, findUserByUsername, selectUsers, toUserRecord } from './users-store.ts';

/** An API token as listed (never the token itself). */
export type TokenView = {
  id: number;
  username: string;
  name: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

// last_used_at is written at most this often, so that token calls do not each cost a write.
const touchMs = 5 * 60_000;

/** Issues a token acting as `username` (user.manage, user in the admin's subtree). The token is returned once. */
export async function createToken(
  ctx: AccessContext,
  scope: Scope,
  input: { username: string; name?: string },
): Promise<{ id: number; token: string; username: string; name: string }> {
  assertCan(scope, 'user.manage');
  const { database, config } = ctx;
  const user = await findUserByUsername(database.db, input.username);
  if (!user || user.disabled || !isWithin(await loadOrgUnits(database.db), user.orgCode, scope.orgCode))
    throw new AppError('NOT_FOUND', { path: ['username'] });
  const token = `sdpf_${newSecret()}`;
  const name = input.name?.trim() || `${user.username} API`;
  const id = await database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_token')
      .values({
        user_id: user.id,
        name,
        token_hash: sha256(token),
        created_at: config.clock.now().toISOString(),
        created_by: scope.username,
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, scope, {
      action: 'token.create',
      targetType: 'apiToken',
      targetId: row.id,
      outcome: 'success',
      details: { username: user.username, name },
    });
    return Number(row.id);
  });
  return { id, token, username: user.username, name };
}

/** Revokes a token (user.manage; the token's user must be in the admin's subtree, else NOT_FOUND). */
export async function revokeToken(ctx: AccessContext, scope: Scope, id: number): Promise<void> {
  assertCan(scope, 'user.manage');
  const { database, config } = ctx;
  const row = await database.db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select(['api_token.id', 'api_token.revoked_at', 'app_user.org_code', 'app_user.username'])
    .where('api_token.id', '=', id)
    .executeTakeFirst();
  if (!row || !isWithin(await loadOrgUnits(database.db), row.org_code, scope.orgCode)) throw new AppError('NOT_FOUND');
  if (row.revoked_at) return;
  await database.db.transaction().execute(async (trx) => {
    await trx.updateTable('api_token').set({ revoked_at: config.clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, scope, {
      action: 'token.revoke',
      targetType: 'apiToken',
      targetId: id,
      outcome: 'success',
      details: { username: row.username },
    });
  });
  invalidateAuth(database);
}

/** The tokens of users in the admin's subtree, newest first. */
export async function listTokens(ctx: AccessContext, scope: Scope): Promise<TokenView[]> {
  assertCan(scope, 'user.manage');
  const codes = subtreeCodes(await loadOrgUnits(ctx.database.db), scope.orgCode);
  if (codes.length === 0) return [];
  const rows = await ctx.database.db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'app_user.username',
      'api_token.name',
      'api_token.created_at',
      'api_token.created_by',
      'api_token.last_used_at',
      'api_token.revoked_at',
    ])
    .where('app_user.org_code', 'in', codes)
    .orderBy('api_token.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    username: r.username,
    name: r.name,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** The user a bearer token acts as, or undefined when the token is unknown, revoked, or its user disabled (cached briefly). */
export async function authenticateToken(
  database: Database,
  token: string,
  now: Date,
): Promise<{ tokenId: number; user: UserRecord } | undefined> {
  const tokenHash = sha256(token);
  const cache = authCacheOf(database) as AuthCache<TokenRow | null>;
  let row = cache.get(`t:${tokenHash}`, now.getTime());
  if (row === undefined) {
    row = (await loadToken(database.db, tokenHash)) ?? null;
    cache.set(`t:${tokenHash}`, row, now.getTime());
  }
  if (!row || row.revokedAt || row.user.disabled) return undefined;
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > touchMs) {
    row.lastUsedAt = now.toISOString();
    await database.db.updateTable('api_token').set({ last_used_at: row.lastUsedAt }).where('id', '=', row.tokenId).execute();
  }
  return { tokenId: row.tokenId, user: row.user };
}

type TokenRow = { tokenId: number; revokedAt: string | null; lastUsedAt: string | null; user: UserRecord };

async function loadToken(db: Kysely<DB>, tokenHash: string): Promise<TokenRow | undefined> {
  const row = await selectUsers(db)
    .innerJoin('api_token', 'api_token.user_id', 'app_user.id')
    .select(['api_token.id as token_id', 'api_token.revoked_at', 'api_token.last_used_at'])
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { tokenId: Number(row.token_id), revokedAt: row.revoked_at, lastUsedAt: row.last_used_at, user: toUserRecord(row) };
}
