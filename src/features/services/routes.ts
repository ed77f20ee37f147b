import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../clock.ts';
import { EnrolmentSchema, ServiceCreateSchema, ServicePatchSchema, ServiceRecordSchema } from '../../contracts/services.ts';
import { SurveyListSchema, SurveyPutSchema } from '../../contracts/survey.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { createService, listEnrolments, listServices, updateService } from './records/records-service.ts';
import { listSurvey, putSurvey } from './survey/survey-service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['services'];

/** Needs survey, service records and enrolments of one person: scoped (out of scope → 404), audited, version-checked. */
export async function registerServiceRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/persons/:id/survey', { schema: { tags, params: IdParams, response: { 200: SurveyListSchema } } }, (req) =>
    listSurvey(database, requireScope(req), req.params.id),
  );
  const YearParams = IdParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });
  app.put(
    '/api/v1/persons/:id/survey/:year',
    { schema: { tags, params: YearParams, body: SurveyPutSchema, response: { 200: z.object({ year: z.number(), version: z.number() }) } } },
    async (req) => ({
      year: req.params.year,
      version: await putSurvey(database, requireScope(req), req.params.id, req.params.year, req.body, today()),
    }),
  );
  app.get(
    '/api/v1/persons/:id/services',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(ServiceRecordSchema) }) } } },
    async (req) => ({
      items: await listServices(database, requireScope(req), req.params.id),
    }),
  );
  app.post(
    '/api/v1/persons/:id/services',
    { schema: { tags, params: IdParams, body: ServiceCreateSchema, response: { 201: z.object({ id: z.number(), version: z.number() }) } } },
    async (req, reply) => {
      const id = await createService(database, requireScope(req), req.params.id, req.body, today());
      return reply.code(201).send({ id, version: 1 });
    },
  );
  const ServiceParams = IdParams.extend({ sid: z.coerce.number().int().positive() });
  app.patch(
    '/api/v1/persons/:id/services/:sid',
    {
      schema: {
        tags,
        params: ServiceParams,
        body: ServicePatchSchema,
        response: { 200: z.object({ id: z.number(), version: z.number() }) },
      },
    },
    async (req) => ({
      id: req.params.sid,
      version: await updateService(database, requireScope(req), req.params.id, req.params.sid, req.body, today()),
    }),
  );
  app.get(
    '/api/v1/persons/:id/enrolments',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(EnrolmentSchema) }) } } },
    async (req) => ({
      items: await listEnrolments(database, requireScope(req), req.params.id),
    }),
  );
}
