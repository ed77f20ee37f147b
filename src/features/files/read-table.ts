import { extname } from 'node:path';
import { type Result, fail } from '../../domain/result.ts';
import { openCsv } from './read-csv.ts';
import { openXlsx } from './read-xlsx.ts';
import type { OpenTableCode, TableReader } from './table.ts';

/** The table types, re-exported so callers need only this module. */
export type { Cell, OpenTableCode, TableReader, TableRow } from './table.ts';

/**
 * Opens a .csv or .xlsx file (chosen by extension, any case) as a streaming table whose first non-blank row is the
 * header. Problems with the user's file are values, never exceptions: another extension → FILE_TYPE; missing,
 * corrupt or undecodable → FILE_UNREADABLE; no header row → FILE_EMPTY (a header with no data rows is a valid, empty
 * table). Corruption found later, while iterating `rows`, throws an `AppError` with code FILE_UNREADABLE.
 */
export async function openTable(path: string): Promise<Result<TableReader, OpenTableCode>> {
  switch (extname(path).toLowerCase()) {
    case '.csv':
      return openCsv(path);
    case '.xlsx':
      return openXlsx(path);
    default:
      return fail('FILE_TYPE');
  }
}
