import type { FileColumn } from '../../contracts/person-file.ts';

/** `cellText` lives in cell-text.ts; re-exported here, where header mapping is. */
export { cellText } from './cell-text.ts';

/** A required column the header row lacks, named by its Chinese header. */
export type HeaderProblem = { code: 'HEADER_MISSING'; column: string };

/**
 * Where each known column sits in a header row (0-based), which required columns are missing, which headers are not
 * columns of the layout (`unknown`), and which repeat a column already found (`duplicates`; the first one is used).
 */
export type HeaderMap<K extends string = string> = {
  index: Map<K, number>;
  problems: HeaderProblem[];
  unknown: string[];
  duplicates: string[];
};

/**
 * Matches a file's headers to a layout's columns by Chinese header or English key. Matching ignores case, spaces
 * anywhere, full-width vs ASCII forms (`村（社区）` = `村(社区)`, via NFKC) and `*` marks, as templates mark
 * required columns with them. Blank headers are ignored.
 */
export function mapHeaders<C extends FileColumn>(headers: readonly string[], columns: readonly C[]): HeaderMap<C['key']> {
  const byName = new Map<string, C>();
  for (const column of columns) {
    byName.set(headerKey(column.header), column);
    byName.set(headerKey(column.key), column);
  }
  const result: HeaderMap<C['key']> = { index: new Map(), problems: [], unknown: [], duplicates: [] };
  headers.forEach((header, position) => {
    const name = headerKey(header);
    const column = byName.get(name);
    if (name === '') {
      return;
    }
    if (column === undefined) {
      result.unknown.push(header);
    } else if (result.index.has(column.key)) {
      result.duplicates.push(header);
    } else {
      result.index.set(column.key, position);
    }
  });
  for (const column of columns) {
    if (column.required && !result.index.has(column.key)) {
      result.problems.push({ code: 'HEADER_MISSING', column: column.header });
    }
  }
  return result;
}

/** The form headers are compared in: NFKC-normalised, lower case, without spaces or `*`. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
}
