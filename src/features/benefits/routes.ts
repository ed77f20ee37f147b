import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../clock.ts';
import {
  ApplicationCreateSchema,
  ApplicationQuerySchema,
  ApplicationStepSchema,
  GapQuerySchema,
  GapTasksSchema,
  ParameterValueInputSchema,
  PersonDecisionsQuerySchema,
  ReviewRunSchema,
  TaskPatchSchema,
  TaskQuerySchema,
} from '../../contracts/benefits.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { countyApprove, townReview } from './application-steps.ts';
import { registerAssigneeRoutes } from './assignee-routes.ts';
import { applyForBenefit, getApplication, listApplications } from './applications.ts';
import { exportGaps, listGaps } from './gap-service.ts';
import { addParameterValue, listParameters } from './param-store.ts';
import { decisionsForPerson } from './person-decisions.ts';
import { runBenefitReview, tasksFromGaps } from './review-job.ts';
import { registerRollRoutes } from './roll-routes.ts';
import { listTasks, updateTask } from './tasks.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['benefits'];
const stamp = () => ({ today: today(), now: new Date() });

/** Benefits endpoints: parameters, decisions, gap lists, tasks, review job, applications (thin handlers). */
export async function registerBenefitsRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/policy/parameters', { schema: { tags } }, (req) => listParameters(database, requireScope(req)));
  app.post(
    '/api/v1/policy/parameters/:id/values',
    { schema: { tags, params: z.object({ id: z.string().max(100) }), body: ParameterValueInputSchema } },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await addParameterValue(database, requireScope(req), req.params.id, { ...req.body, value: req.body.value ?? null }, new Date()),
        ),
  );
  app.get(
    '/api/v1/benefits/persons/:id/decisions',
    { schema: { tags, params: IdParams, querystring: PersonDecisionsQuerySchema } },
    (req) => decisionsForPerson(database, requireScope(req), req.params.id, req.query.date),
  );
  app.get('/api/v1/benefits/gaps', { schema: { tags, querystring: GapQuerySchema } }, (req) =>
    listGaps(database, requireScope(req), req.query),
  );
  app.get('/api/v1/benefits/gaps/export', { schema: { tags, querystring: GapQuerySchema.omit({ limit: true }) } }, async (req, reply) => {
    const stream = await exportGaps(database, requireScope(req), req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="gaps.xlsx"')
      .send(stream);
  });
  app.post('/api/v1/benefits/gaps/tasks', { schema: { tags, body: GapTasksSchema } }, (req) =>
    tasksFromGaps(database, requireScope(req), req.body, today()),
  );
  app.get('/api/v1/benefits/tasks', { schema: { tags, querystring: TaskQuerySchema } }, (req) =>
    listTasks(database, requireScope(req), req.query),
  );
  app.patch('/api/v1/benefits/tasks/:id', { schema: { tags, params: IdParams, body: TaskPatchSchema } }, (req) =>
    updateTask(database, requireScope(req), req.params.id, req.body, new Date()),
  );
  app.post('/api/v1/benefits/review', { schema: { tags, body: ReviewRunSchema } }, (req) =>
    runBenefitReview(database, requireScope(req), req.body.date, today()),
  );
  app.get('/api/v1/benefits/applications', { schema: { tags, querystring: ApplicationQuerySchema } }, (req) =>
    listApplications(database, requireScope(req), req.query, today()),
  );
  app.post('/api/v1/benefits/applications', { schema: { tags, body: ApplicationCreateSchema } }, async (req, reply) =>
    reply.code(201).send(await applyForBenefit(database, requireScope(req), req.body, stamp())),
  );
  app.get('/api/v1/benefits/applications/:id', { schema: { tags, params: IdParams } }, (req) =>
    getApplication(database, requireScope(req), req.params.id, today()),
  );
  app.post('/api/v1/benefits/applications/:id/town-review', { schema: { tags, params: IdParams, body: ApplicationStepSchema } }, (req) =>
    townReview(database, requireScope(req), req.params.id, req.body, stamp()),
  );
  app.post(
    '/api/v1/benefits/applications/:id/county-approval',
    { schema: { tags, params: IdParams, body: ApplicationStepSchema } },
    (req) => countyApprove(database, requireScope(req), req.params.id, req.body, stamp()),
  );
  await registerRollRoutes(app, database);
  await registerAssigneeRoutes(server, database);
}
