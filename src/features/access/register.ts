import { registerPreferenceRoutes } from './preferences.ts';
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import { type AuditActor, actorOf, auditReadAs, flushAudit } from './audit.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { installAuthHook } from './auth-hook.ts';
import type { AccessConfig } from './config.ts';
import { accessContext } from './context.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { registerSessionRoutes } from './session-routes.ts';

/**
 * Installs access control on the app: cookies, the authentication hook (session cookie or bearer token, CSRF,
 * forced password change), security headers, the audit of denied requests, and the session, user, token,
 * org-unit and audit routes. Pending read audits are flushed when the app closes.
 */
export async function registerAccess(app: FastifyInstance, database: Database, overrides: Partial<AccessConfig> = {}): Promise<void> {
  const ctx = accessContext(database, overrides);
  await app.register(cookie);
  installAuthHook(app, ctx);
  installSecurityHeaders(app);
  installDeniedAudit(app, database);
  registerSessionRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerAuditRoutes(app, database);
  registerPreferenceRoutes(app, database);
  app.addHook('onClose', async () => flushAudit(database));
}

const deniedCodes = new Set(['FORBIDDEN', 'CSRF', 'TOKEN_INVALID']);

/** Every refused request (403 FORBIDDEN or CSRF, 401 TOKEN_INVALID) writes an `access.denied` audit entry. */
function installDeniedAudit(app: FastifyInstance, database: Database): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError) || !deniedCodes.has(error.code)) return;
    const scope = request.accessScope;
    const actor: AuditActor = scope ? actorOf(scope) : { userId: null, username: 'anonymous', role: null, orgCode: null, ip: request.ip };
    const details: Record<string, unknown> = { code: error.code, method: request.method, route: request.routeOptions.url ?? null };
    const permission = (error.details as { permission?: unknown } | undefined)?.permission;
    if (permission) details.permission = permission;
    await auditReadAs(database, actor, {
      action: 'access.denied',
      targetType: 'route',
      targetId: `${request.method} ${request.routeOptions.url ?? ''}`,
      outcome: 'denied',
      details,
    }).catch((e: unknown) => request.log.error({ err: e }, 'audit of a denied request failed'));
  });
}
