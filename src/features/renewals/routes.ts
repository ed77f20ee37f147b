import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { today } from '../../clock.ts';
import { RenewalPageSchema, RenewalQuerySchema } from '../../contracts/renewals.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { exportRenewals, listRenewals } from './renewal-service.ts';

const tags = ['renewals'];

/** Certificate renewals (docs/renewals.md): the list with counts per town, and its .xlsx export. */
export async function registerRenewalRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/renewals', { schema: { tags, querystring: RenewalQuerySchema, response: { 200: RenewalPageSchema } } }, (req) =>
    listRenewals(database, requireScope(req), req.query, today()),
  );
  app.get(
    '/api/v1/renewals/export',
    { schema: { tags, querystring: RenewalQuerySchema.omit({ limit: true, cursor: true }) } },
    async (req, reply) => {
      const stream = await exportRenewals(database, requireScope(req), req.query, today());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="renewals.xlsx"')
        .send(stream);
    },
  );
}
