import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AssigneeQuerySchema } from '../../contracts/benefits.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { listAssignees } from './assignees.ts';

/** GET /api/v1/benefits/assignees?town=: the workers the gap-list page may assign follow-up tasks to. */
export async function registerAssigneeRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/benefits/assignees', { schema: { tags: ['benefits'], querystring: AssigneeQuerySchema } }, (req) =>
    listAssignees(database, requireScope(req), req.query.town),
  );
}
