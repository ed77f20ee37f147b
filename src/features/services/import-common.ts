import type { ErrorCode } from '../../contracts/errors.ts';
import type { Kysely } from 'kysely';
import { type ImportError, type ImportReport, importError } from '../../contracts/import-report.ts';
import type { DB } from '../../db/tables.ts';
import { inTextList } from '../../db/in-list.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import type { Day } from '../../domain/time/day.ts';
import { type Scope, scopeFilter } from '../access/scope.ts';
import type { RecordReader } from '../files/read-records.ts';

/** One problem in an imported file (FORMATS.md §3). */
export type RowError = ImportError;

/** The import report of FORMATS.md §3, shared by the survey and enrolment imports (which add their own fields). */
export type RowsReport = ImportReport;

/** Builds one report error with the catalog's message. */
export const rowError = importError;

/** A registered person as imports need it: id and where registered (for the scope check). */
export type PersonRef = { id: number; countyCode: string; townCode: string; villageCode: string | null };

/** Looks persons up by ID number, 10,000 at a time. */
export async function personsByIdNumber(db: Kysely<DB>, idNumbers: readonly string[]): Promise<Map<string, PersonRef>> {
  const out = new Map<string, PersonRef>();
  const unique = [...new Set(idNumbers)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const rows = await db
      .selectFrom('person')
      .select(['id', 'id_number', 'county_code', 'town_code', 'village_code'])
      .where((eb) => inTextList(db, eb.ref('id_number'), unique.slice(i, i + 10_000)))
      .execute();
    for (const r of rows)
      out.set(r.id_number as string, { id: r.id, countyCode: r.county_code, townCode: r.town_code, villageCode: r.village_code });
  }
  return out;
}

/** True when the person is registered inside the scope. */
export function personRefInScope(scope: Scope, p: PersonRef): boolean {
  const f = scopeFilter(scope);
  if (!f) return true;
  const value = f.column === 'county_code' ? p.countyCode : f.column === 'town_code' ? p.townCode : p.villageCode;
  return f.prefix ? (value ?? '').startsWith(f.value) : value === f.value;
}

/** Reads a required ID-number cell: the normalised number, or the problem code. */
export function readIdNumber(text: string | undefined, asOf: Day): { ok: true; value: string } | { ok: false; code: ErrorCode } {
  const t = (text ?? '').trim();
  if (!t) return { ok: false, code: 'REQUIRED' };
  const r = parseIdNumber(t, asOf);
  return r.ok ? { ok: true, value: r.value.idNumber } : r;
}

/** Resolves each valid row's person: PERSON_UNKNOWN when not registered, OUT_OF_SCOPE outside the scope. */
export async function resolvePersons<R extends { row: number; idNumber: string }>(
  db: Kysely<DB>,
  scope: Scope,
  rows: readonly R[],
  fail: (row: number, code: ErrorCode) => void,
) {
  const persons = await personsByIdNumber(
    db,
    rows.map((r) => r.idNumber),
  );
  const resolved: (R & { personId: number })[] = [];
  for (const r of rows) {
    const p = persons.get(r.idNumber);
    if (!p) fail(r.row, 'PERSON_UNKNOWN');
    else if (!personRefInScope(scope, p)) fail(r.row, 'OUT_OF_SCOPE');
    else resolved.push({ ...r, personId: p.id });
  }
  return resolved;
}

/** The rows read from a file: parsed rows, errors by row, and a `fail` to add more (after the person look-up). */
export type CollectedRows<K extends string, P> = {
  rows: number;
  parsed: P[];
  errors: RowError[];
  invalid: Set<number>;
  headerMissing: boolean;
  fail(row: number, field: K, code: ErrorCode): void;
};

/** Reads every record of an opened file through `parse`, collecting each problem with its row and column header. */
export async function collectRows<K extends string, P>(
  file: RecordReader<K>,
  headerOf: ReadonlyMap<string, string>,
  parse: (rowNumber: number, record: Partial<Record<K, string>>, fail: (field: K, code: ErrorCode) => void) => P | null,
): Promise<CollectedRows<K, P>> {
  const out: CollectedRows<K, P> = {
    rows: 0,
    parsed: [],
    errors: file.headerProblems.map((p) => rowError(1, p.column, 'HEADER_MISSING')),
    invalid: new Set<number>(),
    headerMissing: file.headerProblems.length > 0,
    fail(row, field, code) {
      out.errors.push(rowError(row, headerOf.get(field) ?? field, code));
      out.invalid.add(row);
    },
  };
  for await (const { rowNumber, record } of file.records) {
    out.rows += 1;
    const p = parse(rowNumber, record, (field, code) => out.fail(rowNumber, field, code));
    if (p) out.parsed.push(p);
  }
  return out;
}

/** The report before any write: counts of rows read, errors sorted by row. */
export function baseReport(read: CollectedRows<string, unknown>, dryRun: boolean | undefined): RowsReport {
  read.errors.sort((a, b) => a.row - b.row);
  const invalid = read.invalid.size;
  return {
    rows: read.rows,
    valid: read.rows - invalid,
    invalid,
    created: 0,
    updated: 0,
    unchanged: 0,
    committed: false,
    dryRun: dryRun === true,
    errors: read.errors,
  };
}
