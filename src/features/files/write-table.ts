import type { WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Cell } from './table.ts';
import { writeCsv } from './write-csv.ts';
import { writeXlsx } from './write-xlsx.ts';

/** The formats `writeTable` can produce. */
export type TableFormat = 'xlsx' | 'csv';

/**
 * Streams a header row and data rows to a file path or a writable stream as .xlsx (`writeXlsx`) or .csv
 * (`writeCsv`), and returns how many data rows were written. A stream target is ended when done. Failures (a missing
 * directory, a closed stream, an error from `rows`) reject, as they are not faults in the user's data; a file target
 * is then closed, holding what was written so far.
 */
export async function writeTable(
  target: string | NodeJS.WritableStream,
  format: TableFormat,
  headers: readonly string[],
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>,
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? await openForWriting(target) : target;
  // ExcelJS listens for stream errors only at the very end; this ends the wait on an earlier one too.
  const failed = new Promise<never>((_resolve, reject) => {
    stream.once('error', reject);
  });
  failed.catch(() => undefined);
  try {
    const written = format === 'xlsx' ? writeXlsx(stream, headers, rows) : writeCsv(stream, headers, rows);
    return await Promise.race([written, failed]);
  } catch (error) {
    if (typeof target === 'string') {
      (stream as WriteStream).destroy();
    }
    throw error;
  }
}

/** Opens the file first so that a bad path rejects here rather than as an unhandled stream error. */
async function openForWriting(path: string): Promise<NodeJS.WritableStream> {
  const handle = await open(path, 'w');
  return handle.createWriteStream();
}
