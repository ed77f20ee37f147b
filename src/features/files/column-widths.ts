import { cellText } from './cell-text.ts';
import type { Cell } from './table.ts';

const minWidth = 6;
const maxWidth = 50;

/**
 * Excel column widths (in characters) that fit a header and sample rows: wide (CJK) characters count double,
 * plus a little padding, kept between 6 and 50.
 */
export function columnWidths(headers: readonly string[], sample: readonly (readonly Cell[])[]): number[] {
  return headers.map((header, column) => {
    let widest = displayWidth(header);
    for (const row of sample) {
      const cell = row[column];
      if (cell !== undefined && cell !== null) {
        widest = Math.max(widest, displayWidth(cellText(cell)));
      }
    }
    return Math.min(maxWidth, Math.max(minWidth, widest + 2));
  });
}

/** The width of a text in Excel character units: CJK and full-width characters are two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  }
  return width;
}
