import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../contracts/app-error.ts';
import type { AccessContext } from './context.ts';
import { passwordChangeDue } from './context.ts';
import { clearSessionCookies, csrfCookie, csrfHeader, sessionCookie } from './cookies.ts';
import { sameSecret, sha256 } from './secrets.ts';
import { type ActiveSession, findSession } from './sessions.ts';
import { userScope } from './scope.ts';
import { authenticateToken } from './tokens.ts';

/**
 * Who may call a route: `anonymous` (sign-in: no credentials looked at), `optional` (sign-out: credentials used
 * when present), `passwordChange` (signed in, allowed while a password change is due); unset: signed in and not
 * owing a password change. Every /api/v1 route is signed-in-only unless it says otherwise (fail closed).
 */
export type RouteAccess = 'anonymous' | 'optional' | 'passwordChange';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs the onRequest hook that authenticates /api/v1 calls by bearer token or session cookie. */
export function installAuthHook(app: FastifyInstance, ctx: AccessContext): void {
  app.addHook('onRequest', async (request, reply) => {
    // Unknown routes fall through to the 404 handler; /api/health, docs and static files are public.
    if (!request.url.startsWith('/api/v1/') || !request.routeOptions.url) return;
    const access = request.routeOptions.config.access;
    if (access === 'anonymous') return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return authenticateBearer(ctx, request, authorization);
    const sessionId = request.cookies[sessionCookie];
    const session = sessionId ? await findSession(ctx.database, sessionId, ctx.config) : undefined;
    if (!session) {
      if (sessionId) clearSessionCookies(request, reply, ctx.config);
      if (access === 'optional') return;
      throw new AppError('UNAUTHENTICATED');
    }
    const mustChangePassword = passwordChangeDue(session.user, ctx.config);
    request.accessScope = userScope(session.user, request.ip);
    request.accessCredential = { kind: 'session', sessionHash: session.idHash, mustChangePassword };
    if (!safeMethods.has(request.method)) assertCsrf(request, session);
    if (mustChangePassword && access === undefined) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });
}

// Bearer tokens are not sent by browsers on their own, so they need no CSRF check; nor do they owe a password change.
async function authenticateBearer(ctx: AccessContext, request: FastifyRequest, authorization: string): Promise<void> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const found = match?.[1] ? await authenticateToken(ctx.database, match[1], ctx.config.clock.now()) : undefined;
  if (!found) throw new AppError('TOKEN_INVALID');
  request.accessScope = userScope(found.user, request.ip);
  request.accessCredential = { kind: 'token', tokenId: found.tokenId };
}

/** Double submit bound to the session: the header must equal the CSRF cookie, and hash to the session's CSRF hash. */
function assertCsrf(request: FastifyRequest, session: ActiveSession): void {
  const header = request.headers[csrfHeader];
  const cookie = request.cookies[csrfCookie];
  if (typeof header !== 'string' || !cookie || !sameSecret(header, cookie) || !sameSecret(sha256(header), session.csrfHash)) {
    throw new AppError('CSRF');
  }
}
