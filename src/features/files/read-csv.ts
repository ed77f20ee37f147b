import { createReadStream } from 'node:fs';
import { type Result, fail } from '../../domain/result.ts';
import { CsvSplitter } from './csv-splitter.ts';
import { type CsvEncoding, detectEncoding } from './detect-encoding.ts';
import type { RawRecord } from './table-source.ts';
import { startTable } from './table-source.ts';
import type { Cell, TableReader } from './table.ts';

/**
 * Opens a CSV file (UTF-8 with or without BOM, or GB18030) as a streaming table: cells trimmed, empty → null,
 * rows may have any number of cells. Errors as in `openTable`.
 */
export async function openCsv(path: string): Promise<Result<TableReader, 'FILE_UNREADABLE' | 'FILE_EMPTY'>> {
  let encoding: CsvEncoding;
  try {
    encoding = await detectEncoding(path);
  } catch {
    return fail('FILE_UNREADABLE');
  }
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const close = async (): Promise<void> => {
    file.destroy();
  };
  return startTable({ records: csvRecords(file, encoding), close });
}

/**
 * The file's records, decoded chunk by chunk. Invalid bytes fail the read rather than turning into U+FFFD; so does
 * an unclosed quote and a record over 1 MB (`CsvSplitter`).
 */
async function* csvRecords(file: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncGenerator<RawRecord> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const splitter = new CsvSplitter();
  let position = 0;
  const numbered = function* (records: string[][]) {
    for (const fields of records) {
      position += 1;
      yield { position, cells: fields.map(toCell) };
    }
  };
  for await (const chunk of file) yield* numbered(splitter.push(decoder.decode(chunk, { stream: true })));
  yield* numbered(splitter.push(decoder.decode()));
  yield* numbered(splitter.finish());
}

function toCell(field: string): Cell {
  const text = field.trim();
  return text === '' ? null : text;
}
