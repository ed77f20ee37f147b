import type { Kysely } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import type { ErrorCode } from '../../../contracts/errors.ts';
import { type EnrolmentFileKey, enrolmentFileColumns } from '../../../contracts/services.ts';
import { type BulkWriter, withBulkTransaction } from '../../../db/bulk.ts';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/tables.ts';
import { maskIdNumber } from '../../../domain/identity/id-number.ts';
import type { Day } from '../../../domain/time/day.ts';
import { parseDateText } from '../../../domain/time/parse-date.ts';
import { recordAudit } from '../../access/audit.ts';
import { assertCan, type Scope } from '../../access/scope.ts';
import { readRecords } from '../../files/read-records.ts';
import { baseReport, type CollectedRows, collectRows, readIdNumber, resolvePersons, type RowsReport } from '../import-common.ts';
import { parseYuanToFen } from '../survey/survey-values.ts';
import { type EnrolmentPlan, planEnrolments } from './plan-enrolments.ts';
import { type EnrolmentStamp, enrolmentInsert, type Program, programs } from './service.ts';

/** An ongoing enrolment of the programme that the list does not name: reported, never ended silently. */
export type NotInList = { personId: number; idNumber: string | null; startDate: Day; code: 'ENROLMENT_NOT_IN_LIST'; personListed: boolean };

/** The enrolment import report: FORMATS.md §3's fields, the programme, and the ongoing enrolments the list leaves out. */
export type EnrolmentImportReport = RowsReport & { program: Program; notInList: NotInList[] };

/** How to import. */
export type EnrolmentImportOptions = {
  program: string;
  dryRun?: boolean;
  asOf: Day;
  fileName?: string;
  /** Extra counts for the audit entry (the comparison's disagreements, when the web page commits). */
  auditDetails?: Record<string, number | string | null>;
};

/** A valid row of the file. */
export type EnrolmentRow = { row: number; idNumber: string; startDate: Day; endDate: Day | null; amountFen: number | null | undefined };

const headerOf = new Map<string, string>(enrolmentFileColumns.map((c) => [c.key, c.header]));

/** A list read and checked: the programme, the rows read (with errors), valid rows with their person, and rows naming no person in scope. */
export type ReadEnrolmentList = {
  program: Program;
  read: CollectedRows<EnrolmentFileKey, EnrolmentRow>;
  valid: (EnrolmentRow & { personId: number })[];
  unmatched: (EnrolmentRow & { code: 'PERSON_UNKNOWN' | 'OUT_OF_SCOPE' })[];
};

/** Reads and checks an enrolment list (FORMATS.md §5) without writing: parse each row, then find its person. */
export async function readEnrolmentList(
  database: Database,
  scope: Scope,
  path: string,
  options: Pick<EnrolmentImportOptions, 'program' | 'asOf'>,
): Promise<ReadEnrolmentList> {
  assertCan(scope, 'person.import');
  const program = programs.find((p) => p === options.program);
  if (!program) throw new AppError('PROGRAM_UNKNOWN', { path: ['program'] });
  const opened = await readRecords(path, enrolmentFileColumns);
  if (!opened.ok) throw new AppError(opened.code);
  const keys = new Set<string>();
  const read = await collectRows(opened.value, headerOf, (rowNumber, record, fail) => {
    const r = parseRow(rowNumber, record, opened.value.present, options.asOf, fail);
    if (!r) return null;
    if (keys.has(`${r.idNumber}|${r.startDate}`)) {
      fail('idNumber', 'DUPLICATE_IN_FILE');
      return null;
    }
    keys.add(`${r.idNumber}|${r.startDate}`);
    return r;
  });
  const byRow = new Map(read.parsed.map((r) => [r.row, r]));
  const unmatched: ReadEnrolmentList['unmatched'] = [];
  const valid = await resolvePersons(database.db, scope, read.parsed, (row, code) => {
    read.fail(row, 'idNumber', code);
    const r = byRow.get(row);
    if (r && (code === 'PERSON_UNKNOWN' || code === 'OUT_OF_SCOPE')) unmatched.push({ ...r, code });
  });
  return { program, read, valid, unmatched };
}

/**
 * Imports a department's list of one programme (FORMATS.md §5). Rows match stored enrolments on (person, programme,
 * start date): new keys are added, changed end dates or amounts update the row (version + 1), equal rows are
 * unchanged. Unknown persons are PERSON_UNKNOWN errors; any invalid row means nothing is written. Ongoing enrolments
 * of the programme that the list leaves out are reported in `notInList`, not ended.
 */
export async function importEnrolments(
  database: Database,
  scope: Scope,
  path: string,
  options: EnrolmentImportOptions,
): Promise<EnrolmentImportReport> {
  const { program, read, valid } = await readEnrolmentList(database, scope, path, options);
  const base: EnrolmentImportReport = { ...baseReport(read, options.dryRun), program, notInList: [] };
  if (read.headerMissing || base.invalid > 0) return base;
  if (options.dryRun) return { ...base, ...(await summarise(database.db, scope, program, valid)).report };
  return withBulkTransaction(database, async (trx, bulk) => {
    const { plan, report } = await summarise(trx, scope, program, valid);
    await writePlan(trx, bulk, program, plan, {
      actor: scope.username,
      now: new Date().toISOString(),
      source: `import:${options.fileName ?? 'file'}`,
    });
    const details = {
      program,
      rows: base.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      notInList: report.notInList.length,
      ...options.auditDetails,
    };
    await recordAudit(trx, scope, {
      action: 'enrolment.import',
      targetType: 'file',
      targetId: options.fileName ?? null,
      outcome: 'success',
      details,
    });
    return { ...base, ...report, committed: true };
  });
}

async function writePlan(trx: Kysely<DB>, bulk: BulkWriter, program: Program, plan: EnrolmentPlan, stamp: EnrolmentStamp) {
  await bulk.insert(
    'enrolment',
    plan.creates.map((c) => enrolmentInsert({ ...c, program }, stamp)),
  );
  for (const u of plan.updates) {
    await trx
      .updateTable('enrolment')
      .set({
        end_date: u.endDate,
        monthly_amount_fen: u.amountFen,
        source: stamp.source,
        recorded_at: stamp.now,
        recorded_by: stamp.actor,
        version: u.version + 1,
      })
      .where('id', '=', u.id)
      .where('version', '=', u.version)
      .execute();
  }
}

async function summarise(db: Kysely<DB>, scope: Scope, program: Program, valid: readonly (EnrolmentRow & { personId: number })[]) {
  const plan = await planEnrolments(db, scope, program, valid);
  const notInList = plan.notInList.map((n) => ({
    ...n,
    idNumber: n.idNumber ? maskIdNumber(n.idNumber) : null,
    code: 'ENROLMENT_NOT_IN_LIST' as const,
  }));
  return { plan, report: { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, notInList } };
}

function parseRow(
  row: number,
  record: Partial<Record<EnrolmentFileKey, string>>,
  present: ReadonlySet<EnrolmentFileKey>,
  asOf: Day,
  fail: (f: EnrolmentFileKey, c: ErrorCode) => void,
): EnrolmentRow | null {
  let bad = false;
  const problem = (f: EnrolmentFileKey, c: ErrorCode): null => {
    bad = true;
    fail(f, c);
    return null;
  };
  const id = readIdNumber(record.idNumber, asOf);
  if (!id.ok) problem('idNumber', id.code);
  const date = (f: 'startDate' | 'endDate'): Day | null => {
    const t = (record[f] ?? '').trim();
    if (!t) return f === 'startDate' ? problem(f, 'REQUIRED') : null;
    const r = parseDateText(t);
    return r.ok ? r.value : problem(f, r.code);
  };
  const startDate = date('startDate');
  const endDate = date('endDate');
  if (startDate && endDate && endDate < startDate) problem('endDate', 'DATE_ORDER');
  let amountFen: number | null | undefined;
  if (present.has('monthlyAmount')) {
    const t = (record.monthlyAmount ?? '').trim();
    const r = t ? parseYuanToFen(t) : null;
    if (r && !r.ok) problem('monthlyAmount', r.code);
    amountFen = r?.ok ? r.value : null;
  }
  return bad || !id.ok || !startDate ? null : { row, idNumber: id.value, startDate, endDate, amountFen };
}
