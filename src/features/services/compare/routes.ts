import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../../clock.ts';
import { DeathComparisonSchema, EnrolmentComparisonSchema } from '../../../contracts/department-lists.ts';
import type { Database } from '../../../db/connect.ts';
import { auditRead } from '../../access/audit.ts';
import { requireScope } from '../../access/auth.ts';
import { assertCan } from '../../access/scope.ts';
import { writeTable } from '../../files/write-table.ts';
import { importDeaths } from '../deaths/import-deaths.ts';
import { programs } from '../enrolments/service.ts';
import { keepComparison, keptComparison } from './comparison-store.ts';
import { comparisonHeaders, comparisonRows } from './comparison-table.ts';
import { importEnrolmentList } from './import-enrolment-list.ts';
import { withUploadedFile } from './upload.ts';

const tags = ['imports and exports'];
// A list is compared (dry run) unless the caller asks to commit: the page always compares first.
const DryRun = z.stringbool().default(true);
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Department lists (issue 6 item 6): enrolment lists and the deaths list, compared with the registry, then committed. */
export async function registerDepartmentListRoutes(server: FastifyInstance, database: Database): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const EnrolmentQuery = z.object({
    program: z.enum(programs),
    dryRun: DryRun,
    completeFor: z
      .string()
      .regex(/^\d{6,12}$/)
      .optional(),
  });
  app.post(
    '/api/v1/imports/enrolments',
    { schema: { tags, querystring: EnrolmentQuery, response: { 200: EnrolmentComparisonSchema } } },
    async (req) => {
      const scope = requireScope(req);
      assertCan(scope, 'person.import');
      const body = await withUploadedFile(req, (file, fileName) =>
        importEnrolmentList(database, scope, file, { ...req.query, asOf: today(), fileName }),
      );
      return keepComparison(scope, body);
    },
  );
  app.post(
    '/api/v1/imports/deaths',
    { schema: { tags, querystring: z.object({ dryRun: DryRun }), response: { 200: DeathComparisonSchema } } },
    async (req) => {
      const scope = requireScope(req);
      assertCan(scope, 'person.import');
      const body = await withUploadedFile(req, (file, fileName) =>
        importDeaths(database, scope, file, { asOf: today(), dryRun: req.query.dryRun, fileName }),
      );
      return keepComparison(scope, body);
    },
  );
  app.get('/api/v1/imports/comparisons/:id/xlsx', { schema: { tags, params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    const scope = requireScope(req);
    const comparison = keptComparison(scope, req.params.id);
    await auditRead(database, scope, {
      action: 'departmentList.export',
      targetType: 'file',
      outcome: 'success',
      details: { rows: comparison.rows },
    });
    const out = new PassThrough();
    writeTable(out, 'xlsx', comparisonHeaders, comparisonRows(comparison)).catch((e: unknown) => out.destroy(e as Error));
    const name = comparison.kind === 'deaths' ? '死亡名单比对.xlsx' : '部门名单比对.xlsx';
    return reply
      .header('content-type', xlsxType)
      .header('content-disposition', `attachment; filename="comparison.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(out);
  });
}
