import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type SaxEvent, iterateStream, parseSax } from './exceljs-internals.ts';
import { type DecodedChunks, utf8Chunks } from './utf8-chunks.ts';
import type { SheetLookup } from './xlsx-sheet-rows.ts';
import { readSharedStrings } from './xlsx-shared-strings.ts';
import { readDateStyles } from './xlsx-styles.ts';

/** A worksheet as the reader hands it out: its name (when ExcelJS could match it) and its XML as text. */
export type SheetSource = { name?: string; iterator: DecodedChunks };

/** An .xlsx being read: its worksheets in zip order, the names in workbook order, and the lookup for cell values. */
export type XlsxWorkbook = { sheets: AsyncIterator<SheetSource>; sheetNames(): string[]; lookup(): SheetLookup };

/** The private ExcelJS 4.4 `WorkbookReader` members this module replaces or reads. */
type ReaderInternals = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<never>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
};

/**
 * Reads an .xlsx stream with ExcelJS's `WorkbookReader` for the zip, the workbook and the sheet list, but parses
 * shared strings, styles and sheets itself. ExcelJS decodes each chunk of a zip entry separately, so a Chinese
 * character split between chunks becomes '��' (exceljs issues #2063, #2084, unfixed in 4.4.0): every entry is
 * decoded as a stream here. Shared strings are kept outside the reader, which makes ExcelJS spool every sheet to a
 * temp file and hand it out only after the whole zip has been read, so styles and strings are always known by then.
 * Relies on private methods of exceljs 4.4.0; the tests in read-table.test.ts guard them.
 */
export function readWorkbook(input: Readable): XlsxWorkbook {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit' });
  const internals = reader as unknown as ReaderInternals;
  const lookup: SheetLookup = { sharedStrings: [], dateStyles: new Set(), date1904: false };
  const events = (entry: Readable): AsyncIterable<SaxEvent[]> => parseSax(utf8Chunks(iterateStream(entry)));
  const parseRels = internals._parseRels.bind(reader);
  const parseWorkbook = internals._parseWorkbook.bind(reader);
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  internals._parseRels = (entry) => parseRels(entry.setEncoding('utf8'));
  internals._parseWorkbook = (entry) => parseWorkbook(entry.setEncoding('utf8'));
  internals._parseStyles = async (entry) => {
    lookup.dateStyles = await readDateStyles(events(entry));
  };
  internals._parseSharedStrings = async function* (entry) {
    lookup.sharedStrings = await readSharedStrings(events(entry));
    // ExcelJS yield*s this method's events; there are none to give.
    yield* [];
  };
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Chunks(iterator), sheetNo);
  return {
    sheets: reader[Symbol.asyncIterator]() as unknown as AsyncIterator<SheetSource>,
    sheetNames: () => (internals.model?.sheets ?? []).map((sheet) => sheet.name),
    lookup: () => ({ ...lookup, date1904: internals.properties?.model?.date1904 === true }),
  };
}
