import { AppError } from '../../../contracts/app-error.ts';
import { type DeathFileKey, deathFileColumns } from '../../../contracts/department-lists.ts';
import type { ErrorCode } from '../../../contracts/errors.ts';
import type { Database } from '../../../db/connect.ts';
import type { Day } from '../../../domain/time/day.ts';
import { parseDateText } from '../../../domain/time/parse-date.ts';
import { assertCan, type Scope } from '../../access/scope.ts';
import { readRecords } from '../../files/read-records.ts';
import { type CollectedRows, collectRows, personRefInScope, personsByIdNumber, readIdNumber } from '../import-common.ts';

/** A valid row of a deaths list. */
export type DeathRow = { row: number; idNumber: string; deathDate: Day };

/** A deaths list read: rows (with errors), rows matched to a person in scope, and rows naming nobody in scope. */
export type ReadDeathList = {
  read: CollectedRows<DeathFileKey, DeathRow>;
  matched: (DeathRow & { personId: number })[];
  unmatched: (DeathRow & { code: 'PERSON_UNKNOWN' | 'OUT_OF_SCOPE' })[];
};

const headerOf = new Map<string, string>(deathFileColumns.map((c) => [c.key, c.header]));

/**
 * Reads a public-security deaths list (公民身份号码 · 死亡日期, docs/file-formats.md). A public-security list names
 * everyone who died, most of whom are not in the registry: such rows are reported (PERSON_UNKNOWN, or OUT_OF_SCOPE
 * without saying more), not errors. Errors are malformed rows: ID number, date, a date after `asOf`, duplicates.
 */
export async function readDeathList(database: Database, scope: Scope, path: string, asOf: Day): Promise<ReadDeathList> {
  assertCan(scope, 'person.import');
  const opened = await readRecords(path, deathFileColumns);
  if (!opened.ok) throw new AppError(opened.code);
  const seen = new Set<string>();
  const read = await collectRows(opened.value, headerOf, (row, record, fail) => {
    const r = parseDeathRow(row, record, asOf, fail);
    if (r && seen.has(r.idNumber)) {
      fail('idNumber', 'DUPLICATE_IN_FILE');
      return null;
    }
    if (r) seen.add(r.idNumber);
    return r;
  });
  const persons = await personsByIdNumber(
    database.db,
    read.parsed.map((r) => r.idNumber),
  );
  const out: ReadDeathList = { read, matched: [], unmatched: [] };
  for (const r of read.parsed) {
    const p = persons.get(r.idNumber);
    if (!p) out.unmatched.push({ ...r, code: 'PERSON_UNKNOWN' });
    else if (!personRefInScope(scope, p)) out.unmatched.push({ ...r, code: 'OUT_OF_SCOPE' });
    else out.matched.push({ ...r, personId: p.id });
  }
  return out;
}

function parseDeathRow(
  row: number,
  record: Partial<Record<DeathFileKey, string>>,
  asOf: Day,
  fail: (f: DeathFileKey, c: ErrorCode) => void,
): DeathRow | null {
  const id = readIdNumber(record.idNumber, asOf);
  if (!id.ok) fail('idNumber', id.code);
  const text = (record.deathDate ?? '').trim();
  const date = text ? parseDateText(text) : null;
  let deathDate: Day | null = null;
  if (!date) fail('deathDate', 'REQUIRED');
  else if (!date.ok) fail('deathDate', date.code);
  else if (date.value > asOf) fail('deathDate', 'DATE_ORDER');
  else deathDate = date.value;
  return id.ok && deathDate ? { row, idNumber: id.value, deathDate } : null;
}
