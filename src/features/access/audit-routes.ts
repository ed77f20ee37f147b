import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect.ts';
import { requirePermission } from './auth.ts';
import { searchAudit } from './audit-search.ts';
import { AuditItemSchema, AuditQuerySchema } from './schemas.ts';

/** GET /api/v1/audit: the auditor's search of the audit log (read-only; nothing in the app can change it). */
export function registerAuditRoutes(server: FastifyInstance, database: Database): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: z.object({ items: z.array(AuditItemSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => searchAudit(database, requirePermission(req, 'audit.read'), req.query),
  );
}
