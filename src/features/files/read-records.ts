import type { FileColumn } from '../../contracts/person-file.ts';
import { type Result, ok } from '../../domain/result.ts';
import { cellText } from './cell-text.ts';
import { type HeaderProblem, mapHeaders } from './map-headers.ts';
import { openTable } from './read-table.ts';
import type { OpenTableCode, TableRow } from './table.ts';

/** One data row as text keyed by column; empty cells are left out. */
export type FileRecord<K extends string> = { rowNumber: number; record: Partial<Record<K, string>> };

/** An opened file laid out by columns: missing required headers, the columns present, and the records. */
export type RecordReader<K extends string> = {
  headerProblems: HeaderProblem[];
  present: ReadonlySet<K>;
  unknownHeaders: string[];
  records: AsyncIterable<FileRecord<K>>;
  close(): Promise<void>;
};

/**
 * Opens a .csv/.xlsx file and reads it as records of a layout (`openTable` + `mapHeaders` + `cellText`).
 * Errors as in `openTable`; header problems are reported, and records still stream, so the caller decides.
 */
export async function readRecords<C extends FileColumn>(
  path: string,
  columns: readonly C[],
): Promise<Result<RecordReader<C['key']>, OpenTableCode>> {
  const opened = await openTable(path);
  if (!opened.ok) {
    return opened;
  }
  const table = opened.value;
  const mapped = mapHeaders(table.headers, columns);
  const positions = [...mapped.index.entries()];
  return ok({
    headerProblems: mapped.problems,
    present: new Set(mapped.index.keys()),
    unknownHeaders: mapped.unknown,
    records: toRecords(table.rows, positions),
    close: table.close,
  });
}

async function* toRecords<K extends string>(
  rows: AsyncIterable<TableRow>,
  positions: readonly [K, number][],
): AsyncGenerator<FileRecord<K>> {
  for await (const { rowNumber, cells } of rows) {
    const record: Partial<Record<K, string>> = {};
    for (const [key, position] of positions) {
      const text = cellText(cells[position] ?? null);
      if (text !== '') {
        record[key] = text;
      }
    }
    yield { rowNumber, record };
  }
}
