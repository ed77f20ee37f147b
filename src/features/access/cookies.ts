import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessConfig } from './config.ts';
import type { NewSession } from './sessions.ts';

/** The session cookie: HttpOnly, SameSite=Strict; its value is stored only as SHA-256. */
export const sessionCookie = 'sdpf_session';

/** The CSRF cookie: readable by the web app, which echoes it in the `x-csrf-token` header on unsafe requests. */
export const csrfCookie = 'sdpf_csrf';

/** The header that must repeat the CSRF cookie on POST, PUT, PATCH and DELETE with a session cookie. */
export const csrfHeader = 'x-csrf-token';

function secure(request: FastifyRequest, config: AccessConfig): boolean {
  return config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && request.protocol === 'https');
}

/** Sets both cookies for a new session (browser-session cookies: they go when the browser closes). */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession, config: AccessConfig): void {
  const options = { path: '/', sameSite: 'strict' as const, secure: secure(request, config) };
  reply.setCookie(sessionCookie, session.sessionId, { ...options, httpOnly: true });
  reply.setCookie(csrfCookie, session.csrfToken, { ...options, httpOnly: false });
}

/** Clears both cookies. */
export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply, config: AccessConfig): void {
  const options = { path: '/', sameSite: 'strict' as const, secure: secure(request, config) };
  reply.clearCookie(sessionCookie, { ...options, httpOnly: true });
  reply.clearCookie(csrfCookie, options);
}
