import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../contracts/app-error.ts';
import { requirePermission, requireScope } from './auth.ts';
import type { AccessContext } from './context.ts';
import { loadOrgUnits, orgTree } from './org-tree.ts';
import { AdminUserSchema, OrgNodeSchema, TokenCreateSchema, TokenViewSchema, UserCreateSchema, UserPatchSchema } from './schemas.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { createUser, listUsers, updateUser } from './user-admin.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** /api/v1/users, /api/v1/tokens (countyAdmin: user.manage) and /api/v1/org-units (any signed-in user). */
export function registerAdminRoutes(server: FastifyInstance, ctx: AccessContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const users = { tags: ['users'] };

  app.get('/api/v1/users', { schema: { ...users, response: { 200: z.object({ items: z.array(AdminUserSchema) }) } } }, async (req) => ({
    items: await listUsers(ctx, requirePermission(req, 'user.manage')),
  }));
  app.post(
    '/api/v1/users',
    {
      schema: {
        ...users,
        body: UserCreateSchema,
        response: { 201: z.object({ user: AdminUserSchema, initialPassword: z.string().optional() }) },
      },
    },
    async (req, reply) => {
      const scope = requirePermission(req, 'user.manage');
      const { user, password } = await createUser(ctx, scope, { ...req.body, mustChangePassword: true });
      // A password the admin typed is not echoed; a generated one is shown once.
      return reply.code(201).send(req.body.password ? { user } : { user, initialPassword: password });
    },
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        ...users,
        params: IdParams,
        body: UserPatchSchema,
        response: { 200: z.object({ user: AdminUserSchema, temporaryPassword: z.string().optional() }) },
      },
    },
    async (req) => updateUser(ctx, requirePermission(req, 'user.manage'), req.params.id, req.body),
  );

  const tokens = { tags: ['tokens'] };
  app.get('/api/v1/tokens', { schema: { ...tokens, response: { 200: z.object({ items: z.array(TokenViewSchema) }) } } }, async (req) => ({
    items: await listTokens(ctx, requirePermission(req, 'user.manage')),
  }));
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        ...tokens,
        body: TokenCreateSchema,
        response: { 201: z.object({ id: z.number(), token: z.string(), username: z.string(), name: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await createToken(ctx, requirePermission(req, 'user.manage'), req.body)),
  );
  app.delete('/api/v1/tokens/:id', { schema: { ...tokens, params: IdParams } }, async (req, reply) => {
    await revokeToken(ctx, requirePermission(req, 'user.manage'), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/org-units', { schema: { tags: ['org-units'], response: { 200: z.object({ root: OrgNodeSchema }) } } }, async (req) => {
    const scope = requireScope(req);
    const root = orgTree(await loadOrgUnits(ctx.database.db), scope.orgCode);
    if (!root) throw new AppError('NOT_FOUND');
    return { root };
  });
}
