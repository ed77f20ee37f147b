import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PaymentAccountSchema, RollCompareSchema, RollCreateSchema, SimulateSchema } from '../../contracts/benefits.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { setPaymentAccount } from './payment-account.ts';
import { compareRolls, exportRoll, getRoll, listRolls } from './roll-reads.ts';
import { approveRoll, buildRoll } from './rolls.ts';
import { simulate } from './simulate.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['benefits'];
const RollListQuery = z.object({ program: z.enum(['livingSubsidy', 'nursingSubsidy']).optional() });
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Payment rolls, payment accounts and simulation endpoints (thin handlers). */
export async function registerRollRoutes(app: FastifyInstance, database: Database): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/benefits/rolls', { schema: { tags, body: RollCreateSchema } }, async (req, reply) =>
    reply.code(201).send(await buildRoll(database, requireScope(req), req.body, new Date())),
  );
  r.get('/api/v1/benefits/rolls', { schema: { tags, querystring: RollListQuery } }, (req) =>
    listRolls(database, requireScope(req), req.query),
  );
  r.get('/api/v1/benefits/rolls/compare', { schema: { tags, querystring: RollCompareSchema } }, (req) =>
    compareRolls(database, requireScope(req), req.query),
  );
  r.get('/api/v1/benefits/rolls/:id', { schema: { tags, params: IdParams } }, (req) => getRoll(database, requireScope(req), req.params.id));
  r.post(
    '/api/v1/benefits/rolls/:id/approve',
    { schema: { tags, params: IdParams, body: z.object({ version: z.number().int().positive() }) } },
    (req) => approveRoll(database, requireScope(req), req.params.id, req.body.version, new Date()),
  );
  r.get('/api/v1/benefits/rolls/:id/export', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const stream = await exportRoll(database, requireScope(req), req.params.id);
    return reply.header('content-type', xlsx).header('content-disposition', 'attachment; filename="roll.xlsx"').send(stream);
  });
  r.put('/api/v1/benefits/persons/:id/payment-account', { schema: { tags, params: IdParams, body: PaymentAccountSchema } }, (req) =>
    setPaymentAccount(database, requireScope(req), req.params.id, req.body, new Date()),
  );
  r.post('/api/v1/benefits/simulate', { schema: { tags, body: SimulateSchema } }, (req) => simulate(database, requireScope(req), req.body));
}
