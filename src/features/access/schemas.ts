import { z } from 'zod';
import { permissions, roles } from './roles.ts';

// Payloads of the access endpoints (FORMATS.md §6). Candidates for src/contracts/access.ts when the web needs them.

/** POST /api/v1/session. */
export const SignInSchema = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) });

/** POST /api/v1/session/password. */
export const PasswordChangeSchema = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });

/** The signed-in user. */
export const SessionUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string().optional(),
  role: z.enum(roles),
  orgCode: z.string(),
  orgName: z.string(),
  mustChangePassword: z.boolean(),
});

/** The answer of the session endpoints: the user, and for cookie sessions when the session ends if left idle. */
export const SessionReplySchema = z.object({
  // The grants of the user's role, so that the web app offers only what the server will allow (roles.ts is the table).
  user: SessionUserSchema.extend({ permissions: z.array(z.enum(permissions)) }),
  session: z.object({ endsAt: z.string(), idleMinutes: z.number(), absoluteExpiresAt: z.string() }).optional(),
});

/** A user as the admin endpoints show it. */
export const AdminUserSchema = SessionUserSchema.extend({
  disabled: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

/** POST /api/v1/users: without `password`, one is generated and returned once. */
export const UserCreateSchema = z.object({
  username: z.string().min(1).max(64),
  role: z.enum(roles),
  orgCode: z.string().min(1).max(20),
  displayName: z.string().max(100).nullish(),
  password: z.string().min(1).max(1024).optional(),
});

/** PATCH /api/v1/users/{id}. */
export const UserPatchSchema = z.object({
  displayName: z.string().max(100).nullish(),
  role: z.enum(roles).optional(),
  orgCode: z.string().min(1).max(20).optional(),
  disabled: z.boolean().optional(),
  resetPassword: z.boolean().optional(),
  unlock: z.boolean().optional(),
  version: z.number().int().optional(),
});

/** POST /api/v1/tokens. */
export const TokenCreateSchema = z.object({ username: z.string().min(1).max(64), name: z.string().max(100).optional() });

/** An API token as listed. */
export const TokenViewSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** An org unit and its children. */
export type OrgNodeShape = { code: string; name: string; level: string; kind: string | null; children: OrgNodeShape[] };

/** GET /api/v1/org-units. */
export const OrgNodeSchema: z.ZodType<OrgNodeShape> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), level: z.string(), kind: z.string().nullable(), children: z.array(OrgNodeSchema) }),
);

/** GET /api/v1/audit query. */
export const AuditQuerySchema = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  username: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(200).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(40).optional(),
});

/** One audit entry as the search answers it. */
export const AuditItemSchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string(),
  role: z.string().nullable(),
  orgCode: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  details: z.unknown(),
});
