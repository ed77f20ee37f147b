import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../clock.ts';
import {
  type PersonDetail,
  PersonDetailSchema,
  PersonFieldsSchema,
  PersonPageSchema,
  PersonPatchSchema,
  PersonSearchSchema,
  PersonStatusChangeSchema,
  RevealSchema,
  PersonHistoryEntrySchema,
} from '../../contracts/persons.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { personDetailJson } from './detail-json.ts';
import { getPerson, personHistory, revealPerson, searchPersons } from './read-service.ts';
import { changePersonStatus, createPerson, patchPerson } from './write-service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const VersionReply = z.object({ id: z.number(), version: z.number() });
const tags = ['persons'];

/** The registry's person endpoints (FORMATS.md §6): thin handlers over the read and write services. */
export async function registerRegistryRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/persons', { schema: { tags, querystring: PersonSearchSchema, response: { 200: PersonPageSchema.partial() } } }, (req) =>
    searchPersons(database, requireScope(req), req.query, today()),
  );
  // The same search with filters in the body, so that names and ID numbers stay out of URLs and access logs.
  app.post('/api/v1/persons/search', { schema: { tags, body: PersonSearchSchema, response: { 200: PersonPageSchema.partial() } } }, (req) =>
    searchPersons(database, requireScope(req), req.body, today()),
  );
  // The schema documents the reply; it is written by personDetailJson, not encoded by zod (detail-json.ts).
  app.get(
    '/api/v1/persons/:id',
    {
      schema: { tags, params: IdParams, response: { 200: PersonDetailSchema.partial() } },
      serializerCompiler: () => (data) => personDetailJson(data as Partial<PersonDetail>),
    },
    (req) => getPerson(database, requireScope(req), req.params.id),
  );
  app.get(
    '/api/v1/persons/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(PersonHistoryEntrySchema) }) } } },
    async (req) => ({
      items: await personHistory(database, requireScope(req), req.params.id),
    }),
  );
  app.post('/api/v1/persons', { schema: { tags, body: PersonFieldsSchema, response: { 201: VersionReply } } }, async (req, reply) => {
    const id = await createPerson(database, requireScope(req), req.body, today());
    return reply.code(201).send({ id, version: 1 });
  });
  app.patch(
    '/api/v1/persons/:id',
    { schema: { tags, params: IdParams, body: PersonPatchSchema, response: { 200: VersionReply } } },
    async (req) => ({
      id: req.params.id,
      version: await patchPerson(database, requireScope(req), req.params.id, req.body, today()),
    }),
  );
  for (const [path, to] of [
    ['deceased', 'deceased'],
    ['moved-out', 'movedOut'],
  ] as const) {
    app.post(
      `/api/v1/persons/:id/${path}`,
      { schema: { tags, params: IdParams, body: PersonStatusChangeSchema, response: { 200: VersionReply } } },
      async (req) => ({
        id: req.params.id,
        version: await changePersonStatus(database, requireScope(req), req.params.id, { to, ...req.body }, today()),
      }),
    );
  }
  app.post(
    '/api/v1/persons/:id/reveal',
    { schema: { tags, params: IdParams, body: RevealSchema, response: { 200: z.record(z.string(), z.string().nullable()) } } },
    (req) => revealPerson(database, requireScope(req), req.params.id, req.body.fields, req.body.reason),
  );
}
