import { type ErrorCode, errorCatalog } from './errors.ts';

/** One problem in an imported file: the row (header = row 1), the column's header, a stable code and its message. */
export type ImportError = { row: number; column: string; code: ErrorCode; message: string };

/** The import report of FORMATS.md §3. */
export type ImportReport = {
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  committed: boolean;
  dryRun: boolean;
  errors: ImportError[];
};

/** Builds one report error. */
export function importError(row: number, column: string, code: ErrorCode): ImportError {
  return { row, column, code, message: errorCatalog[code].message };
}
