import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../clock.ts';
import { AppError } from '../../contracts/app-error.ts';
import { personFileColumns } from '../../contracts/person-file.ts';
import { PersonSearchSchema } from '../../contracts/persons.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from '../access/auth.ts';
import { assertCan } from '../access/scope.ts';
import type { Cell } from '../files/table.ts';
import { writeTable } from '../files/write-table.ts';
import { exportPersons } from './export-persons.ts';
import { getImportJob, startImportJob } from './import/import-jobs.ts';

const tags = ['imports and exports'];
const Format = z.enum(['xlsx', 'csv']);
const mime = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };

/** Streams a generated file as an attachment: the writer fills the stream while Fastify sends it. */
function sendFile(reply: FastifyReply, name: string, format: 'xlsx' | 'csv', write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return reply
    .header('content-type', mime[format])
    .header(
      'content-disposition',
      `attachment; filename="${format === 'xlsx' ? 'export.xlsx' : 'export.csv'}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(out);
}

/** Upload-and-import with progress, the error report, the template, and the export of a search (issue 4). */
export async function registerImportRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/imports/persons',
    {
      schema: {
        tags,
        querystring: z.object({ dryRun: z.stringbool().default(false), skipInvalid: z.stringbool().default(false) }),
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (req, reply) => {
      const scope = requireScope(req);
      assertCan(scope, 'person.import');
      if (!Buffer.isBuffer(req.body)) throw new AppError('FILE_UNREADABLE', { message: '请以 application/octet-stream 上传文件' });
      const fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload.csv'));
      const job = startImportJob(database, scope, { fileName, bytes: req.body }, { asOf: today(), ...req.query });
      return reply.code(202).send({ jobId: job.id });
    },
  );

  app.get('/api/v1/imports/:jobId', { schema: { tags, params: z.object({ jobId: z.string().uuid() }) } }, async (req) => {
    const { id: _id, ownerId: _owner, finishedAt: _at, ...job } = getImportJob(requireScope(req), req.params.jobId);
    return job;
  });

  app.get(
    '/api/v1/imports/:jobId/errors.xlsx',
    { schema: { tags, params: z.object({ jobId: z.string().uuid() }) } },
    async (req, reply) => {
      const job = getImportJob(requireScope(req), req.params.jobId);
      const rows: Cell[][] = (job.report?.errors ?? []).map((e) => [e.row, e.column, e.code, e.message]);
      return sendFile(reply, '导入错误报告.xlsx', 'xlsx', (out) => writeTable(out, 'xlsx', ['行号', '列', '错误代码', '说明'], rows));
    },
  );

  app.get(
    '/api/v1/imports/persons/template',
    { schema: { tags, querystring: z.object({ format: Format.default('xlsx') }) } },
    async (req, reply) => {
      requireScope(req);
      const format = req.query.format;
      return sendFile(reply, `残疾人信息导入模板.${format}`, format, (out) =>
        writeTable(
          out,
          format,
          personFileColumns.map((c) => c.header),
          [],
        ),
      );
    },
  );

  app.post(
    '/api/v1/exports/persons',
    {
      schema: { tags, body: PersonSearchSchema.omit({ limit: true, cursor: true }).extend({ format: Format.default('xlsx') }) },
    },
    async (req, reply) => {
      const scope = requireScope(req);
      assertCan(scope, 'person.export');
      const { format, ...search } = req.body;
      return sendFile(reply, `残疾人名单.${format}`, format, (out) =>
        exportPersons(database, scope, out, { format, search, full: false, today: today() }),
      );
    },
  );
}
