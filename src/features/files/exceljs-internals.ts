import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/** An element as ExcelJS's saxes wrapper reports it. */
export type SaxTag = { name: string; attributes: Record<string, string | undefined> };

/** One XML event from ExcelJS's saxes wrapper. */
export type SaxEvent = { eventType: 'opentag' | 'closetag'; value: SaxTag } | { eventType: 'text'; value: string };

const require = createRequire(import.meta.url);

/**
 * ExcelJS's XML event parser (saxes underneath), which yields the events of each chunk as one batch. It must be fed
 * text, not bytes: it decodes each byte chunk on its own, breaking characters split between chunks.
 */
export const parseSax = require('exceljs/lib/utils/parse-sax.js') as (chunks: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;

/** ExcelJS's helper that iterates an old-style stream (unzipper's entries are readable-stream v2). */
export const iterateStream = require('exceljs/lib/utils/iterate-stream.js') as (stream: Readable) => AsyncIterable<Buffer | string>;

/** An element name without its namespace prefix (`x:row` → `row`), as some writers prefix SpreadsheetML. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
