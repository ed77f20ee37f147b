import { type SaxEvent, localName } from './exceljs-internals.ts';
import { ownCopy, unescapeExcel } from './xlsx-values.ts';

/**
 * Reads a shared-string table (xl/sharedStrings.xml) into plain strings: each item is the text of all its runs,
 * formatting dropped and phonetic guides (`rPh`) left out.
 */
export async function readSharedStrings(events: AsyncIterable<SaxEvent[]>): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let inPhonetic = false;
  for await (const batch of events) {
    for (const event of batch) {
      if (event.eventType === 'text') {
        if (inText && !inPhonetic) {
          text += event.value;
        }
        continue;
      }
      const opening = event.eventType === 'opentag';
      const name = localName(event.value.name);
      if (name === 't') {
        inText = opening;
      } else if (name === 'rPh') {
        inPhonetic = opening;
      } else if (name === 'si' && opening) {
        text = '';
      } else if (name === 'si') {
        strings.push(ownCopy(unescapeExcel(text)));
      }
    }
  }
  return strings;
}
