import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { cellText } from './cell-text.ts';
import type { Cell } from './table.ts';

/**
 * Streams a header and rows to a CSV: UTF-8 with BOM (so Excel opens Chinese correctly), CRLF line ends, fields
 * quoted only when they hold a comma, quote or line break. Dates become 'YYYY-MM-DD', numbers plain decimals, null
 * empty. Long digit strings are written as plain digits: they read back exactly, though Excel shows them as
 * 4.41821E+17 (and loses digits if the user saves from Excel), so .xlsx is the format for editing in Excel.
 * The target is ended when done.
 */
export async function writeCsv(
  target: NodeJS.WritableStream,
  headers: readonly string[],
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>,
): Promise<{ rows: number }> {
  const written = { rows: 0 };
  // csv-stringify quotes only the record delimiter (CRLF) by default; a bare \n or \r inside a cell needs quotes too.
  const stringifier = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  await pipeline(Readable.from(records(headers, rows, written)), stringifier, target);
  return written;
}

async function* records(
  headers: readonly string[],
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>,
  written: { rows: number },
): AsyncGenerator<string[]> {
  yield [...headers];
  for await (const row of rows) {
    written.rows += 1;
    yield row.map(csvField);
  }
}

function csvField(cell: Cell): string {
  // Strings are written as given (not trimmed): an export repeats what is stored.
  return typeof cell === 'string' ? cell : cellText(cell);
}
