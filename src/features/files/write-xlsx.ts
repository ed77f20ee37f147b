import type { Stream } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { dayText } from './cell-text.ts';
import { columnWidths } from './column-widths.ts';
import type { Cell } from './table.ts';

/** Rows looked at to size the columns before the first row is written. */
const sampleSize = 200;
/** How often to let the zip stream catch up, so a fast row source does not pile the sheet up in memory. */
const rowsPerTurn = 500;
/** Digit strings this long (an ID number, a certificate number) would be shown by Excel as 4.41821E+17 if typed as numbers. */
const idLike = /^\d{11,}[\dXx]?$/;

/**
 * Streams a header and rows to one worksheet (ExcelJS `WorkbookWriter`): bold, frozen header; column widths from the
 * header and the first 200 rows; dates as 'YYYY-MM-DD' text; ID-like digit strings as text cells formatted '@' (and
 * their whole column, when the sample shows them) so Excel keeps every digit, also when the user retypes one.
 * The target stream is ended when done.
 */
export async function writeXlsx(
  target: NodeJS.WritableStream,
  headers: readonly string[],
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>,
): Promise<{ rows: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    // ExcelJS types its target as a Stream; any writable works (it pipes a zip archive into it).
    stream: target as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  const source = iterate(rows);
  const sample = await take(source, sampleSize);
  sheet.columns = columnWidths(headers, sample).map((width, i) => ({ width, style: hasIdLike(sample, i) ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  headers.forEach((text, i) => {
    header.getCell(i + 1).value = text;
  });
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const cells of concat(sample, source)) {
    count += 1;
    writeRow(sheet.getRow(count + 1), cells);
    if (count % rowsPerTurn === 0) {
      await nextTurn();
    }
  }
  sheet.commit();
  await workbook.commit();
  return { rows: count };
}

function writeRow(row: ExcelJS.Row, cells: readonly Cell[]): void {
  cells.forEach((cell, i) => {
    if (cell === null) {
      return;
    }
    const target = row.getCell(i + 1);
    target.value = cell instanceof Date ? dayText(cell) : cell;
    if (typeof cell === 'string' && idLike.test(cell)) {
      target.numFmt = '@';
    }
  });
  row.commit();
}

function hasIdLike(sample: readonly Cell[][], column: number): boolean {
  return sample.some((row) => {
    const cell = row[column];
    return typeof cell === 'string' && idLike.test(cell);
  });
}

function iterate<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

async function take<T>(source: AsyncIterator<T> | Iterator<T>, limit: number): Promise<T[]> {
  const taken: T[] = [];
  while (taken.length < limit) {
    const next = await source.next();
    if (next.done === true) {
      break;
    }
    taken.push(next.value);
  }
  return taken;
}

async function* concat<T>(first: readonly T[], rest: AsyncIterator<T> | Iterator<T>): AsyncGenerator<T> {
  yield* first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) {
      return;
    }
    yield next.value;
  }
}
