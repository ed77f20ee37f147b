import { type SaxEvent, localName } from './exceljs-internals.ts';
import { isDateFormatId } from './xlsx-values.ts';

/**
 * Reads a workbook's styles (xl/styles.xml) and returns the cell styles (indexes into `cellXfs`, a cell's `s`) whose
 * number format shows a date, so that date cells, which are numbers in the file, can be read as dates.
 */
export async function readDateStyles(events: AsyncIterable<SaxEvent[]>): Promise<Set<number>> {
  const formatCodes = new Map<number, string>();
  const cellFormats: number[] = [];
  let inCellXfs = false;
  for await (const batch of events) {
    for (const event of batch) {
      if (event.eventType === 'text') {
        continue;
      }
      const opening = event.eventType === 'opentag';
      const name = localName(event.value.name);
      const { attributes } = event.value;
      if (name === 'cellXfs') {
        inCellXfs = opening;
      } else if (opening && name === 'numFmt') {
        formatCodes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      } else if (opening && name === 'xf' && inCellXfs) {
        cellFormats.push(Number(attributes.numFmtId ?? 0));
      }
    }
  }
  const dateStyles = new Set<number>();
  cellFormats.forEach((formatId, style) => {
    if (isDateFormatId(formatId, formatCodes)) {
      dateStyles.add(style);
    }
  });
  return dateStyles;
}
