import { AppError } from '../../contracts/app-error.ts';
import { type Result, fail, ok } from '../../domain/result.ts';
import { cellText } from './cell-text.ts';
import type { Cell, TableReader, TableRow } from './table.ts';

/** One record as a format reader produced it: its 1-based position in the file and its cells. */
export type RawRecord = { position: number; cells: Cell[] };

/** What a format reader hands to `startTable`: records in file order, and a way to release the file. */
export type RawSource = { records: AsyncIterator<RawRecord>; close(): Promise<void> };

/**
 * Reads the header (the first non-blank record) from a source and returns a reader over the remaining non-blank
 * records, numbered so that the header is row 1. No header → FILE_EMPTY; a parse failure before it → FILE_UNREADABLE.
 */
export async function startTable(source: RawSource): Promise<Result<TableReader, 'FILE_UNREADABLE' | 'FILE_EMPTY'>> {
  const close = once(source.close);
  let header: RawRecord | undefined;
  try {
    header = await nextNonBlank(source.records);
  } catch {
    await close();
    return fail('FILE_UNREADABLE');
  }
  if (header === undefined) {
    await close();
    return fail('FILE_EMPTY');
  }
  const headers = trimTrailingEmpty(header.cells.map(cellText));
  return ok({ headers, rows: dataRows(source.records, { headerPosition: header.position, width: headers.length }, close), close });
}

/** Whether every cell of a record is empty. */
export function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || cell === '');
}

async function* dataRows(
  records: AsyncIterator<RawRecord>,
  layout: { headerPosition: number; width: number },
  close: () => Promise<void>,
): AsyncGenerator<TableRow> {
  try {
    for (;;) {
      const record = await nextNonBlank(records).catch((error: unknown) => {
        throw unreadable(error);
      });
      if (record === undefined) {
        return;
      }
      yield { rowNumber: record.position - layout.headerPosition + 1, cells: padTo(record.cells, layout.width) };
    }
  } finally {
    await close();
  }
}

async function nextNonBlank(records: AsyncIterator<RawRecord>): Promise<RawRecord | undefined> {
  for (;;) {
    const next = await records.next();
    if (next.done === true) {
      return undefined;
    }
    if (!isBlank(next.value.cells)) {
      return next.value;
    }
  }
}

function unreadable(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('FILE_UNREADABLE', { details: { reason } });
}

/** Pads a row with nulls to the header's width, so CSV and XLSX rows look alike (XLSX omits trailing empty cells). */
function padTo(cells: Cell[], width: number): Cell[] {
  while (cells.length < width) {
    cells.push(null);
  }
  return cells;
}

function trimTrailingEmpty(texts: string[]): string[] {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') {
    end -= 1;
  }
  return texts.slice(0, end);
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= action().catch(() => undefined);
    return done;
  };
}
