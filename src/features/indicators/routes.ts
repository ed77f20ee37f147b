import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../contracts/app-error.ts';
import {
  GapPageSchema,
  GapQuerySchema,
  IndicatorDocumentSchema,
  IndicatorQuerySchema,
  ParameterEntrySchema,
  ParameterValueSchema,
  TownComparisonSchema,
  TownsQuerySchema,
  TrendQuerySchema,
  TrendSchema,
} from '../../contracts/indicators.ts';
import type { Database } from '../../db/connect.ts';
import { requirePermission, requireScope } from '../access/auth.ts';
import { recordAudit } from '../access/audit.ts';
import { exportGapList, writePlanReport } from './exports.ts';
import { gapPage } from './gaps.ts';
import { isParameterKey, listParameters, setParameter } from './parameters-store.ts';
import { compareUnits, evaluateIndicators, indicatorTrend } from './service.ts';

const tags = ['indicators'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KeyParams = z.object({ key: z.string().max(40) });

function sendXlsx(reply: FastifyReply, name: string, write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return reply
    .header('content-type', xlsx)
    .header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(out);
}

/** The indicator endpoints (FORMATS.md §6): document, gaps (+ .xlsx), trend, town comparison, plan report, parameters. */
export async function registerIndicatorRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/indicators',
    { schema: { tags, querystring: IndicatorQuerySchema, response: { 200: IndicatorDocumentSchema } } },
    (req) => evaluateIndicators(database, requireScope(req), req.query),
  );
  app.get('/api/v1/indicators/towns', { schema: { tags, querystring: TownsQuerySchema, response: { 200: TownComparisonSchema } } }, (req) =>
    compareUnits(database, requireScope(req), req.query),
  );
  app.get('/api/v1/indicators/trend', { schema: { tags, querystring: TrendQuerySchema, response: { 200: TrendSchema } } }, (req) =>
    indicatorTrend(database, requireScope(req), req.query),
  );
  app.get('/api/v1/indicators/report.xlsx', { schema: { tags, querystring: IndicatorQuerySchema } }, async (req, reply) => {
    const scope = requireScope(req);
    // Evaluate first so that a bad org answers 404 as JSON rather than as a broken download.
    const doc = await evaluateIndicators(database, scope, req.query);
    return sendXlsx(reply, `主要指标_${doc.orgName}_${doc.year}.xlsx`, (out) =>
      writePlanReport(database, scope, { ...req.query, org: doc.org }, out),
    );
  });
  app.get(
    '/api/v1/indicators/:key/gaps',
    { schema: { tags, params: KeyParams, querystring: GapQuerySchema, response: { 200: GapPageSchema } } },
    (req) => gapPage(database, requireScope(req), req.params.key, req.query),
  );
  app.get(
    '/api/v1/indicators/:key/gaps.xlsx',
    { schema: { tags, params: KeyParams, querystring: IndicatorQuerySchema } },
    async (req, reply) => {
      const scope = requirePermission(req, 'person.export');
      await gapPage(database, scope, req.params.key, { ...req.query, limit: 1 });
      return sendXlsx(reply, `差距名单_${req.params.key}_${req.query.year}.xlsx`, (out) =>
        exportGapList(database, scope, req.params.key, req.query, out),
      );
    },
  );
  registerParameterRoutes(server, database);
}

function registerParameterRoutes(server: FastifyInstance, database: Database) {
  const typed = server.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/indicators/parameters',
    { schema: { tags, response: { 200: z.object({ items: z.array(ParameterEntrySchema) }) } } },
    async (req) => {
      requireScope(req);
      const rows = await listParameters(database.db);
      return {
        items: rows.map((r) => ({
          key: r.key,
          year: r.year,
          value: Number(r.value),
          source: r.source,
          enteredBy: r.entered_by,
          enteredAt: r.entered_at,
        })),
      };
    },
  );
  const Params = z.object({ key: z.string().max(40), year: z.coerce.number().int().min(2000).max(2100) });
  typed.put(
    '/api/v1/indicators/parameters/:key/:year',
    { schema: { tags, params: Params, body: ParameterValueSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      const scope = requirePermission(req, 'org.manage');
      const { key, year } = req.params;
      if (!isParameterKey(key)) throw new AppError('PARAMETER_UNKNOWN', { path: ['params', 'key'] });
      await database.db.transaction().execute(async (trx) => {
        await setParameter(trx, { key, year, value: req.body.value, source: req.body.source, actor: scope.username });
        await recordAudit(trx, scope, {
          action: 'indicator.parameter',
          targetType: 'parameter',
          targetId: `${key}:${year}`,
          outcome: 'success',
          details: { value: req.body.value, source: req.body.source },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
