/** One cell as read from a table file: trimmed text, a number, a date (UTC midnight for date-only cells), or null when empty. */
export type Cell = string | number | Date | null;

/**
 * One non-blank data row; `rowNumber` counts the header row as 1, and skipped blank rows still count. `cells` holds
 * at least one cell per header (missing ones null), more when the row is longer than the header.
 */
export type TableRow = { rowNumber: number; cells: Cell[] };

/**
 * An opened table file: its header texts and a single-pass stream of data rows.
 * Iterating `rows` to the end (or breaking out of the loop) releases the file; `close()` does so early and is idempotent.
 * A file that turns out to be corrupt part-way through makes the iteration throw an `AppError` with code FILE_UNREADABLE.
 */
export type TableReader = { headers: string[]; rows: AsyncIterable<TableRow>; close(): Promise<void> };

/** Why `openTable` could not open a file. */
export type OpenTableCode = 'FILE_TYPE' | 'FILE_UNREADABLE' | 'FILE_EMPTY';
