import type { Kysely } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import type { ErrorCode } from '../../../contracts/errors.ts';
import { type SurveyAnswers, SurveyAnswersSchema, type SurveyFileKey, surveyFileColumns } from '../../../contracts/survey.ts';
import { withBulkTransaction } from '../../../db/bulk.ts';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/tables.ts';
import type { Day } from '../../../domain/time/day.ts';
import { recordAudit } from '../../access/audit.ts';
import type { Scope } from '../../access/scope.ts';
import { readRecords } from '../../files/read-records.ts';
import { baseReport, collectRows, readIdNumber, resolvePersons, type RowsReport } from '../import-common.ts';
import { assertCanRecordServices } from '../permissions.ts';
import { answersOf, sameAnswers, surveyInsert } from './survey-store.ts';
import { parseSurveyAnswers } from './survey-values.ts';

/** The survey import report: FORMATS.md §3's fields, plus rows kept only as history (an earlier row of the same person and year in the file). */
export type SurveyImportReport = RowsReport & { superseded: number };

/** How to import: dry run or commit; the date that counts as today; the file name for the audit log. */
export type SurveyImportOptions = { dryRun?: boolean; asOf: Day; fileName?: string };

type Parsed = { row: number; idNumber: string; year: number; answers: Partial<SurveyAnswers> };
const headerOf = new Map<string, string>(surveyFileColumns.map((c) => [c.key, c.header]));

/**
 * Imports needs-survey answers (FORMATS.md §4): every row is validated first, and nothing is written when any is
 * invalid. Columns the file lacks keep their stored answers. Rows for the same person and year supersede one
 * another in file order, the earlier ones kept as history; re-importing the same file changes nothing.
 */
export async function importSurvey(
  database: Database,
  scope: Scope,
  path: string,
  options: SurveyImportOptions,
): Promise<SurveyImportReport> {
  assertCanRecordServices(scope);
  const opened = await readRecords(path, surveyFileColumns);
  if (!opened.ok) throw new AppError(opened.code);
  const read = await collectRows(opened.value, headerOf, (rowNumber, record, fail) =>
    parseRow(rowNumber, record, opened.value.present, options.asOf, fail),
  );
  const valid = await resolvePersons(database.db, scope, read.parsed, (row, code) => read.fail(row, 'idNumber', code));
  const report: SurveyImportReport = { ...baseReport(read, options.dryRun), superseded: 0 };
  if (read.headerMissing || report.invalid > 0) return report;
  if (options.dryRun) return { ...report, ...(await planSurvey(database.db, valid, options)).counts };
  return withBulkTransaction(database, async (trx, bulk) => {
    const plan = await planSurvey(trx, valid, options);
    for (let i = 0; i < plan.supersede.length; i += 5_000) {
      await trx
        .updateTable('needs_survey')
        .set({ superseded_at: plan.now })
        .where('id', 'in', plan.supersede.slice(i, i + 5_000))
        .execute();
    }
    await bulk.insert('needs_survey', plan.inserts);
    const details = { rows: report.rows, ...plan.counts };
    await recordAudit(trx, scope, {
      action: 'survey.import',
      targetType: 'file',
      targetId: options.fileName ?? null,
      outcome: 'success',
      details,
    });
    return { ...report, ...plan.counts, committed: true };
  });
}

function parseRow(
  row: number,
  record: Partial<Record<SurveyFileKey, string>>,
  present: ReadonlySet<SurveyFileKey>,
  asOf: Day,
  fail: (f: SurveyFileKey, c: ErrorCode) => void,
): Parsed | null {
  const before = { n: 0 };
  const problem = (f: SurveyFileKey, c: ErrorCode) => {
    before.n++;
    fail(f, c);
  };
  const yearText = (record.year ?? '').trim();
  const year = Number(yearText.replace(/年$/, ''));
  if (!yearText) problem('year', 'REQUIRED');
  else if (!Number.isInteger(year) || year < 2000 || year > Number(asOf.slice(0, 4))) problem('year', 'YEAR_INVALID');
  const id = readIdNumber(record.idNumber, asOf);
  if (!id.ok) problem('idNumber', id.code);
  const { answers, problems } = parseSurveyAnswers(record, present);
  for (const p of problems) problem(p.field, p.code);
  return before.n === 0 && id.ok ? { row, idNumber: id.value, year, answers } : null;
}

/** Works out the writes: per person and year, the file's rows in order laid over the stored current answers. */
async function planSurvey(db: Kysely<DB>, rows: readonly (Parsed & { personId: number })[], options: SurveyImportOptions) {
  const now = new Date().toISOString();
  const stamp = { actor: 'import', now, source: `import:${options.fileName ?? 'file'}` };
  const groups = new Map<string, (Parsed & { personId: number })[]>();
  for (const r of rows) groups.set(`${r.personId}|${r.year}`, [...(groups.get(`${r.personId}|${r.year}`) ?? []), r]);
  const current = await currentRows(
    db,
    rows.map((r) => r.personId),
  );
  const counts = { created: 0, updated: 0, unchanged: 0, superseded: 0 };
  const supersede: number[] = [];
  const inserts: ReturnType<typeof surveyInsert>[] = [];
  for (const group of groups.values()) {
    const first = group[0] as Parsed & { personId: number };
    const stored = current.get(`${first.personId}|${first.year}`);
    let base: SurveyAnswers = stored ? answersOf(stored) : SurveyAnswersSchema.parse({});
    const versions: SurveyAnswers[] = [];
    for (const r of group) {
      base = { ...base, ...r.answers };
      if (!versions.length || !sameAnswers(versions.at(-1) as SurveyAnswers, base)) versions.push(base);
    }
    // The stored answers are already history's last word: a file row repeating them adds nothing.
    if (stored && versions.length > 1 && sameAnswers(versions[0] as SurveyAnswers, answersOf(stored))) versions.shift();
    const last = versions.at(-1) as SurveyAnswers;
    if (stored && sameAnswers(answersOf(stored), last)) {
      counts.unchanged += group.length;
      continue;
    }
    if (stored) supersede.push(stored.id);
    if (stored) counts.updated += 1;
    else counts.created += 1;
    counts.superseded += group.length - 1;
    versions.forEach((a, i) => {
      inserts.push({ ...surveyInsert(first.personId, first.year, a, stamp), superseded_at: i < versions.length - 1 ? now : null });
    });
  }
  return { counts, supersede, inserts, now };
}

async function currentRows(db: Kysely<DB>, personIds: readonly number[]) {
  const out = new Map<string, Awaited<ReturnType<typeof loadCurrent>>[number]>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 5_000)
    for (const r of await loadCurrent(db, unique.slice(i, i + 5_000))) out.set(`${r.person_id}|${r.year}`, r);
  return out;
}

function loadCurrent(db: Kysely<DB>, ids: number[]) {
  return db.selectFrom('needs_survey').selectAll().where('person_id', 'in', ids).where('superseded_at', 'is', null).execute();
}
