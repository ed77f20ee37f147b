import Fastify, { type FastifyInstance } from 'fastify';
import { type ZodTypeProvider, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/connect.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerAccess } from '../features/access/register.ts';
import { registerRegistryRoutes } from '../features/registry/routes.ts';
import { registerBenefitsRoutes } from '../features/benefits/routes.ts';
import { registerImportRoutes } from '../features/registry/import-routes.ts';
import { registerWeb } from './plugins/web.ts';
import { registerIndicatorRoutes } from '../features/indicators/routes.ts';
import { registerServiceRoutes } from '../features/services/routes.ts';
import { registerDepartmentListRoutes } from '../features/services/compare/routes.ts';
import { registerRenewalRoutes } from '../features/renewals/routes.ts';

z.config(z.locales.zhCN());

/** Options for building the HTTP app. */
export type AppOptions = {
  database: Database;
  /** pino logger settings; false in tests. */
  logger?: boolean | object;
};

/** Assembles the HTTP server: error shape, OpenAPI, health, and every feature's routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 50 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerOpenApi(app);
  await registerAccess(app, options.database);

  app.get('/api/health', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
  // Public facts about this installation: `demo` is true while the fictional demo county is loaded, so every page
  // can say so (issue 2: the demo is named a demo wherever it is shown).
  app.get('/api/instance', { schema: { response: { 200: z.object({ demo: z.boolean() }) } } }, async () => {
    const demo = await options.database.db.selectFrom('org_unit').select('code').where('demo', '=', 1).limit(1).executeTakeFirst();
    return { demo: demo !== undefined };
  });
  await registerRegistryRoutes(app, options.database);
  await registerBenefitsRoutes(app, options.database);
  await registerImportRoutes(app, options.database);
  await registerWeb(app);
  await registerIndicatorRoutes(app, options.database);
  await registerServiceRoutes(app, options.database);
  await registerDepartmentListRoutes(app, options.database);
  await registerRenewalRoutes(app, options.database);
  return app;
}
