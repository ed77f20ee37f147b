import { ReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { type Result, fail } from '../../domain/result.ts';
import { parseSax } from './exceljs-internals.ts';
import type { RawRecord } from './table-source.ts';
import { startTable } from './table-source.ts';
import type { TableReader } from './table.ts';
import { isCompleteZip } from './zip-check.ts';
import { sheetRows } from './xlsx-sheet-rows.ts';
import { type SheetSource, type XlsxWorkbook, readWorkbook } from './xlsx-workbook.ts';

/**
 * Opens the first worksheet (in workbook order) of an .xlsx file as a streaming table; values as in `sheetRows`,
 * cells at their column index. Errors as in `openTable`.
 */
export async function openXlsx(path: string): Promise<Result<TableReader, 'FILE_UNREADABLE' | 'FILE_EMPTY'>> {
  const input = await openZip(path);
  if (input === undefined) {
    return fail('FILE_UNREADABLE');
  }
  const zipFailed = watchZip(input);
  const workbook = readWorkbook(input);
  const opened: { sheet?: SheetSource } = {};
  const close = async (): Promise<void> => {
    input.destroy();
    // Without a first sheet ExcelJS's loop has failed or is stuck; asking it for more would wait forever.
    if (opened.sheet !== undefined) {
      releaseSpool(opened.sheet);
      await releaseSheets(workbook.sheets);
    }
  };
  return startTable({ records: firstSheetRecords(workbook, opened, zipFailed), close });
}

/**
 * A promise that rejects when reading or unzipping the input fails. ExcelJS pipes the input into its unzipper, a pipe
 * does not pass errors on, and ExcelJS does not listen to the unzipper while it spools a sheet to a temp file: a read
 * error (the path is a directory) or corrupt compressed data would otherwise leave the wait for the first sheet hanging.
 */
function watchZip(input: ReadStream): Promise<never> {
  const failed = new Promise<never>((_resolve, reject) => {
    input.on('error', reject);
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      (destination as unknown as NodeJS.EventEmitter).on('error', reject);
      return pipe(destination, options);
    };
  });
  failed.catch(() => undefined);
  return failed;
}

/** Opens the file as a stream if it looks like a complete zip; a missing, unreadable or cut-short file gives undefined. */
async function openZip(path: string): Promise<ReadStream | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    if (await isCompleteZip(handle)) {
      return handle.createReadStream() as ReadStream;
    }
  } catch {
    // Reported below as unreadable, like a file that is not a zip.
  }
  await handle?.close().catch(() => undefined);
  return undefined;
}

async function* firstSheetRecords(
  workbook: XlsxWorkbook,
  opened: { sheet?: SheetSource },
  zipFailed: Promise<never>,
): AsyncGenerator<RawRecord> {
  // ExcelJS hands out sheets only after reading the whole zip, so zip errors can only happen before this resolves.
  opened.sheet = await Promise.race([firstSheet(workbook), zipFailed]);
  if (opened.sheet === undefined) {
    throw new Error('The file has no worksheet.');
  }
  yield* sheetRows(parseSax(opened.sheet.iterator), workbook.lookup());
}

/** The first sheet in workbook order (ExcelJS hands sheets out in zip order, which usually but not always agrees). */
async function firstSheet(workbook: XlsxWorkbook): Promise<SheetSource | undefined> {
  for (;;) {
    const next = await workbook.sheets.next();
    if (next.done === true) {
      return undefined;
    }
    const names = workbook.sheetNames();
    const { name } = next.value;
    if (name === undefined || !names.includes(name) || name === names[0]) {
      return next.value;
    }
    releaseSpool(next.value);
  }
}

/**
 * ExcelJS deletes a spooled sheet's temp file only when its loop moves on to the next sheet; close the open sheet
 * streams and let the loop run out, so the temp files go now rather than at process exit.
 */
async function releaseSheets(sheets: AsyncIterator<SheetSource>): Promise<void> {
  for (;;) {
    const next = await sheets.next().catch(() => ({ done: true as const, value: undefined }));
    if (next.done === true) {
      return;
    }
    releaseSpool(next.value);
  }
}

function releaseSpool(sheet: SheetSource): void {
  const { source } = sheet.iterator;
  if (source instanceof ReadStream) {
    source.destroy();
  }
}
