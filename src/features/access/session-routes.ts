import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../contracts/app-error.ts';
import { actorOf, recordAuditAs } from './audit.ts';
import { requireScope } from './auth.ts';
import { invalidateAuth } from './auth-cache.ts';
import { type AccessContext, passwordChangeDue } from './context.ts';
import { clearSessionCookies, sessionCookie, setSessionCookies } from './cookies.ts';
import { changeOwnPassword } from './password-change.ts';
import { sha256 } from './secrets.ts';
import { PasswordChangeSchema, SessionReplySchema, SignInSchema } from './schemas.ts';
import { deleteSession, findSession, sessionEndsAt } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { rolePermissions } from './roles.ts';
import { findUserById, presentSessionUser, type UserRecord } from './users-store.ts';

const tags = ['session'];

/** POST/GET/DELETE /api/v1/session and POST /api/v1/session/password (FORMATS.md §6). */
export function registerSessionRoutes(server: FastifyInstance, ctx: AccessContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config } = ctx;

  app.post(
    '/api/v1/session',
    { config: { access: 'anonymous' }, schema: { tags, body: SignInSchema, response: { 200: SessionReplySchema } } },
    async (req, reply) => {
      const signedIn = await signIn(ctx, { ...req.body, ip: req.ip }).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'RATE_LIMITED') reply.header('retry-after', String(config.signInRate.windowSeconds));
        throw e;
      });
      // A new session id at every sign-in: the browser's previous session, if any, ends here.
      const previous = req.cookies[sessionCookie];
      if (previous) {
        await deleteSession(ctx.database.db, sha256(previous));
        invalidateAuth(ctx.database);
      }
      setSessionCookies(req, reply, signedIn.session, config);
      const mustChange = passwordChangeDue(signedIn.user, config);
      const now = config.clock.now().toISOString();
      const session = {
        endsAt: sessionEndsAt({ lastSeenAt: now, expiresAt: signedIn.session.expiresAt }, config),
        idleMinutes: config.session.idleMinutes,
        absoluteExpiresAt: signedIn.session.expiresAt,
      };
      return { user: sessionUser(signedIn.user, mustChange), session };
    },
  );

  // Reading the session counts as activity: the web app's "stay signed in" button calls it.
  app.get(
    '/api/v1/session',
    { config: { access: 'passwordChange' }, schema: { tags, response: { 200: SessionReplySchema } } },
    async (req) => {
      const scope = requireScope(req);
      const credential = req.accessCredential;
      const user = await findUserById(ctx.database.db, scope.userId ?? -1);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (credential?.kind !== 'session') return { user: sessionUser(user, false) };
      const active = await findSession(ctx.database, req.cookies[sessionCookie] ?? '', config, true);
      if (!active) throw new AppError('UNAUTHENTICATED');
      const session = {
        endsAt: sessionEndsAt(active, config),
        idleMinutes: config.session.idleMinutes,
        absoluteExpiresAt: active.expiresAt,
      };
      return { user: sessionUser(user, credential.mustChangePassword), session };
    },
  );

  app.post(
    '/api/v1/session/password',
    { config: { access: 'passwordChange' }, schema: { tags, body: PasswordChangeSchema, response: { 200: SessionReplySchema } } },
    async (req) => {
      const scope = requireScope(req);
      const credential = req.accessCredential;
      if (credential?.kind !== 'session') throw new AppError('FORBIDDEN', { message: '访问令牌不能修改密码' });
      const user = await findUserById(ctx.database.db, scope.userId ?? -1);
      if (!user) throw new AppError('UNAUTHENTICATED');
      await changeOwnPassword(ctx, user, { ...req.body, sessionHash: credential.sessionHash, ip: req.ip });
      const changed = await findUserById(ctx.database.db, user.id);
      return { user: sessionUser(changed ?? user, false) };
    },
  );

  app.delete('/api/v1/session', { config: { access: 'optional' }, schema: { tags } }, async (req, reply) => {
    await signOut(ctx, req);
    clearSessionCookies(req, reply, config);
    return reply.code(204).send();
  });
}

async function signOut(ctx: AccessContext, req: FastifyRequest): Promise<void> {
  const credential = req.accessCredential;
  const scope = req.accessScope;
  if (credential?.kind !== 'session' || !scope) return;
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteSession(trx, credential.sessionHash);
    await recordAuditAs(
      trx,
      actorOf(scope),
      { action: 'auth.signOut', targetType: 'user', targetId: scope.userId, outcome: 'success' },
      ctx.config.clock.now(),
    );
  });
  invalidateAuth(ctx.database);
}

/** The signed-in user with the grants of her role. */
function sessionUser(user: UserRecord, mustChangePassword: boolean) {
  return { ...presentSessionUser(user, mustChangePassword), permissions: [...rolePermissions[user.role]] };
}
