import { type SaxEvent, type SaxTag, localName } from './exceljs-internals.ts';
import type { RawRecord } from './table-source.ts';
import type { Cell } from './table.ts';
import { excelSerialToDate, ownCopy, unescapeExcel } from './xlsx-values.ts';

/** What cell values refer to outside the sheet: shared strings, date styles, the date system. */
export type SheetLookup = { sharedStrings: readonly string[]; dateStyles: ReadonlySet<number>; date1904: boolean };

/** Parse state: the row and cell being read. */
type SheetState = {
  position: number;
  cells: Cell[];
  column: number;
  type: string | undefined;
  style: number;
  text: string;
  hasValue: boolean;
  collecting: boolean;
  inPhonetic: boolean;
};

/**
 * Streams the rows of a worksheet's XML (xl/worksheets/sheetN.xml) as records: position = the sheet's row number,
 * cells at their column index (gaps null). Values: shared and inline strings (trimmed, blank → null), numbers,
 * dates for numbers in a date style, booleans as 'TRUE'/'FALSE', errors as their code ('#N/A'), formulas as their
 * cached result.
 */
export async function* sheetRows(events: AsyncIterable<SaxEvent[]>, lookup: SheetLookup): AsyncGenerator<RawRecord> {
  const state: SheetState = {
    position: 0,
    cells: [],
    column: 0,
    type: undefined,
    style: 0,
    text: '',
    hasValue: false,
    collecting: false,
    inPhonetic: false,
  };
  for await (const batch of events) {
    const finished: RawRecord[] = [];
    for (const event of batch) {
      if (event.eventType === 'text') {
        if (state.collecting) {
          state.text += event.value;
        }
      } else if (event.eventType === 'opentag') {
        open(state, event.value);
      } else {
        close(state, localName(event.value.name), lookup, finished);
      }
    }
    yield* finished;
  }
}

function open(state: SheetState, tag: SaxTag): void {
  const { attributes } = tag;
  switch (localName(tag.name)) {
    case 'row':
      state.position = attributes.r === undefined ? state.position + 1 : Number(attributes.r);
      state.cells = [];
      state.column = 0;
      break;
    case 'c':
      state.column = attributes.r === undefined ? state.column + 1 : columnNumber(attributes.r);
      state.type = attributes.t;
      state.style = attributes.s === undefined ? 0 : Number(attributes.s);
      state.text = '';
      state.hasValue = false;
      break;
    case 'v':
    case 't':
      state.collecting = !state.inPhonetic;
      state.hasValue = true;
      break;
    case 'rPh':
      state.inPhonetic = true;
      break;
  }
}

function close(state: SheetState, name: string, lookup: SheetLookup, finished: RawRecord[]): void {
  switch (name) {
    case 'v':
    case 't':
      state.collecting = false;
      break;
    case 'rPh':
      state.inPhonetic = false;
      break;
    case 'c':
      state.cells[state.column - 1] = state.hasValue ? cellValue(state, lookup) : null;
      break;
    case 'row':
      finished.push({ position: state.position, cells: Array.from(state.cells, (cell) => cell ?? null) });
      break;
  }
}

function cellValue(state: SheetState, lookup: SheetLookup): Cell {
  const { text } = state;
  switch (state.type) {
    case 's':
      // Shared strings are already copies of their own (readSharedStrings), and may be shared by many cells.
      return lookup.sharedStrings[Number(text)]?.trim() || null;
    case 'inlineStr':
    case 'str':
      return textCell(unescapeExcel(text));
    case 'b':
      return text.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return textCell(text);
    case 'd':
      return isoDate(text);
    default:
      return numberCell(text, lookup.dateStyles.has(state.style), lookup.date1904);
  }
}

function numberCell(text: string, isDate: boolean, date1904: boolean): Cell {
  if (text.trim() === '') {
    return null;
  }
  const value = Number(text);
  if (Number.isNaN(value)) {
    return textCell(text);
  }
  return isDate ? excelSerialToDate(value, date1904) : value;
}

/** A `t="d"` cell holds an ISO 8601 date; without a zone it is read as UTC, like serial dates. */
function isoDate(text: string): Cell {
  const trimmed = text.trim();
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? textCell(text) : date;
}

/** A text cell: trimmed, null when blank, copied out of the XML chunk it was sliced from (see `ownCopy`). */
function textCell(text: string): Cell {
  const trimmed = text.trim();
  return trimmed === '' ? null : ownCopy(trimmed);
}

/** The 1-based column of a cell reference: `B12` → 2, `AA3` → 27. */
export function columnNumber(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) {
      break;
    }
    column = column * 26 + (code - 64);
  }
  return column;
}
