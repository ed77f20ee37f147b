import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { type Result, fail } from '../../domain/result.ts';
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
  // A record over 1 MB is no table row: most likely an unclosed quote, which would otherwise swallow the whole file.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, max_record_size: 1_000_000 });
  // Errors reach the consumer through the parser's iterator; the pipeline's own promise only needs a handler.
  pipeline(file, decoder(encoding), parser).catch(() => undefined);
  const close = async (): Promise<void> => {
    file.destroy();
    parser.destroy();
  };
  return startTable({ records: csvRecords(parser), close });
}

async function* csvRecords(parser: AsyncIterable<string[]>): AsyncGenerator<RawRecord> {
  let position = 0;
  for await (const fields of parser) {
    position += 1;
    yield { position, cells: fields.map(toCell) };
  }
}

function toCell(field: string): Cell {
  const text = field.trim();
  return text === '' ? null : text;
}

/**
 * A transform that checks UTF-8 and passes the bytes on (csv-parse decodes UTF-8 itself and strips the BOM),
 * or decodes GB18030 to text. Invalid bytes fail the stream rather than turning into U+FFFD.
 */
function decoder(encoding: CsvEncoding): Transform {
  const text = new TextDecoder(encoding, { fatal: true });
  const passBytes = encoding === 'utf-8';
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      try {
        const decoded = text.decode(chunk, { stream: true });
        callback(null, passBytes ? chunk : decoded);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback): void {
      try {
        const rest = text.decode();
        callback(null, passBytes || rest === '' ? undefined : rest);
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
