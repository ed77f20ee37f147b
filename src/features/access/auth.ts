import type { FastifyRequest } from 'fastify';
import { AppError } from '../../contracts/app-error.ts';
import type { Permission } from './roles.ts';
import { type Scope, assertCan } from './scope.ts';

/** How the caller proved who they are. */
export type Credential = { kind: 'session'; sessionHash: string; mustChangePassword: boolean } | { kind: 'token'; tokenId: number };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access hook when the caller is signed in (session cookie or bearer token). */
    accessScope?: Scope;
    /** How the caller signed in; set with accessScope. */
    accessCredential?: Credential;
  }
}

/** The signed-in caller's scope; throws UNAUTHENTICATED when the request carries no valid session or token. */
export function requireScope(request: FastifyRequest): Scope {
  const scope = request.accessScope;
  if (!scope) throw new AppError('UNAUTHENTICATED');
  return scope;
}

/** requireScope plus a grant check: throws FORBIDDEN when the caller's role lacks the permission. */
export function requirePermission(request: FastifyRequest, permission: Permission): Scope {
  const scope = requireScope(request);
  assertCan(scope, permission);
  return scope;
}
