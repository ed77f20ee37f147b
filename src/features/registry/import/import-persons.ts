import type { Kysely } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import { type PersonFileKey, type PersonFileRow, personFileColumns } from '../../../contracts/person-file.ts';
import { withBulkTransaction } from '../../../db/bulk.ts';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/tables.ts';
import type { Day } from '../../../domain/time/day.ts';
import { recordAudit } from '../../access/audit.ts';
import { assertCan, type Scope } from '../../access/scope.ts';
import { inScope } from '../scope-check.ts';
import { readRecords } from '../../files/read-records.ts';
import { loadOrgIndex } from '../../org/org-index.ts';
import type { PersonInput } from '../person-input.ts';
import { changedFields, loadByIdNumbers, mergeAbsentColumns, type StoredPerson } from '../person-snapshot.ts';
import { updatePerson } from '../person-writes.ts';
import { validatePersonRow } from '../validate-person.ts';
import { type ImportError, type ImportReport, importError } from '../../../contracts/import-report.ts';
import { createImportedPersons } from './create-persons.ts';

/** How to import: dry run only, or commit the valid rows despite invalid ones; the date that counts as today. */
export type ImportOptions = {
  dryRun?: boolean;
  skipInvalid?: boolean;
  asOf: Day;
  fileName?: string;
  /** Called now and then with a stage and a row count, for progress on stderr. */
  onProgress?: (stage: 'read' | 'write', rows: number) => void;
};

const headerOf = new Map<string, string>(personFileColumns.map((c) => [c.key, c.header]));

/** Rows of a persons file as text records keyed by column, with the columns the file has. */
export type PersonRecords = {
  headerProblems: { column: string }[];
  present: ReadonlySet<PersonFileKey>;
  records: AsyncIterable<{ rowNumber: number; record: PersonFileRow }> | Iterable<{ rowNumber: number; record: PersonFileRow }>;
};

/**
 * Imports a persons file (FORMATS.md §3): validates every row first, then writes all valid rows in one transaction,
 * or nothing when any row is invalid (unless skipInvalid). Re-importing the same file changes nothing.
 */
export async function importPersons(database: Database, scope: Scope, path: string, options: ImportOptions): Promise<ImportReport> {
  assertCan(scope, 'person.import');
  const opened = await readRecords(path, personFileColumns);
  if (!opened.ok) throw new AppError(opened.code);
  return importRecords(database, scope, opened.value as PersonRecords, options);
}

/** Validates and imports persons-file records from any source (a file, a generator, a form). */
export async function importRecords(
  database: Database,
  scope: Scope,
  source: PersonRecords,
  options: ImportOptions,
): Promise<ImportReport> {
  const read = await validateRecords(database, scope, source, options);
  const report: ImportReport = {
    rows: read.rows,
    valid: read.valid.length,
    invalid: read.invalidRows.size,
    created: 0,
    updated: 0,
    unchanged: 0,
    committed: false,
    dryRun: options.dryRun === true,
    errors: read.errors,
  };
  if (source.headerProblems.length > 0) return report;
  if (report.invalid > 0 && !options.skipInvalid) return report;
  if (options.dryRun) {
    const plan = await planWrites(database.db, read.valid, source.present);
    return { ...report, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
  }
  return withBulkTransaction(database, async (trx, bulk) => {
    const plan = await planWrites(trx, read.valid, source.present);
    options.onProgress?.('write', 0);
    const stamp = { actor: scope.username, now: new Date().toISOString(), today: options.asOf };
    await createImportedPersons(trx, bulk, plan.creates, stamp, (written) => options.onProgress?.('write', written));
    for (const change of plan.updates) await updatePerson(trx, bulk, change, stamp, 'import');
    const counts = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
    await recordAudit(trx, scope, {
      action: 'person.import',
      targetType: 'file',
      targetId: options.fileName ?? null,
      outcome: 'success',
      details: { rows: report.rows, valid: report.valid, invalid: report.invalid, ...counts },
    });
    return { ...report, ...counts, committed: true };
  });
}

async function validateRecords(database: Database, scope: Scope, source: PersonRecords, options: ImportOptions) {
  const errors: ImportError[] = source.headerProblems.map((p) => importError(1, p.column, 'HEADER_MISSING'));
  const orgs = await loadOrgIndex(database.db);
  // Only the normalised persons are kept (the raw text records are dropped as soon as they are validated).
  const valid: PersonInput[] = [];
  const invalidRows = new Set<number>();
  const seen = new Set<string>();
  let rows = 0;
  const fail = (row: number, field: PersonFileKey, code: ImportError['code']) => {
    errors.push(importError(row, headerOf.get(field) ?? field, code));
    invalidRows.add(row);
  };
  for await (const { rowNumber, record } of source.records) {
    rows += 1;
    if (rows % 10_000 === 0) options.onProgress?.('read', rows);
    if (source.headerProblems.length > 0) continue;
    const result = validatePersonRow(record, { orgs, asOf: options.asOf });
    if (!result.ok) {
      for (const p of result.problems) fail(rowNumber, p.field, p.code);
    } else if (!inScope(scope, result.value)) {
      fail(rowNumber, 'town', 'OUT_OF_SCOPE');
    } else if (seen.has(result.value.idNumber)) {
      fail(rowNumber, 'idNumber', 'DUPLICATE_IN_FILE');
    } else {
      seen.add(result.value.idNumber);
      valid.push(result.value);
    }
  }
  return { rows, valid, invalidRows, errors };
}

async function planWrites(db: Kysely<DB>, valid: readonly PersonInput[], present: ReadonlySet<PersonFileKey>) {
  // Into an empty registry (the first load of a county) everything is new: no need to look up 100,000 ID numbers.
  const empty = (await db.selectFrom('person').select('id').limit(1).execute()).length === 0;
  if (empty) return { creates: valid, updates: [], unchanged: 0 };
  const stored = await loadByIdNumbers(
    db,
    valid.map((v) => v.idNumber),
  );
  const creates: PersonInput[] = [];
  const updates: { stored: StoredPerson; next: PersonInput }[] = [];
  let unchanged = 0;
  for (const input of valid) {
    const before = stored.get(input.idNumber);
    if (!before) {
      creates.push(input);
      continue;
    }
    const next = mergeAbsentColumns(before, input, present);
    if (changedFields(before, next).length === 0) unchanged += 1;
    else updates.push({ stored: before, next });
  }
  return { creates, updates, unchanged };
}
