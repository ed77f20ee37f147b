import type { ErrorCode } from '../../contracts/errors.ts';
import type { PersonFileKey, PersonFileRow } from '../../contracts/person-file.ts';
import type { Result } from '../../domain/result.ts';

/** One problem in one field of a person row. */
export type FieldProblem = { field: PersonFileKey; code: ErrorCode };

const maxText = 50;

/** Reads the text cells of one row and collects every problem found, so a row reports all of them at once. */
export class RowReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly row: PersonFileRow) {}

  /** The trimmed text of a cell ('' when empty). */
  text(field: PersonFileKey): string {
    return (this.row[field] ?? '').trim();
  }

  /** Records a problem. */
  fail(field: PersonFileKey, code: ErrorCode): undefined {
    this.problems.push({ field, code });
    return undefined;
  }

  /** A required cell parsed, or undefined with REQUIRED or the parser's code recorded. */
  required<T>(field: PersonFileKey, parse: (s: string) => Result<T, ErrorCode>): T | undefined {
    const v = this.text(field);
    if (!v) return this.fail(field, 'REQUIRED');
    const r = parse(v);
    return r.ok ? r.value : this.fail(field, r.code);
  }

  /** An optional cell parsed: null when empty, undefined when invalid (the problem recorded). */
  optional<T>(field: PersonFileKey, parse: (s: string) => Result<T, ErrorCode>): T | null | undefined {
    const v = this.text(field);
    if (!v) return null;
    const r = parse(v);
    return r.ok ? r.value : this.fail(field, r.code);
  }

  /** Free text of at most 50 characters: null when empty, undefined when too long. */
  limited(field: PersonFileKey, required = false): string | null | undefined {
    const v = this.text(field);
    if (!v) return required ? this.fail(field, 'REQUIRED') : null;
    // Counted in characters, not UTF-16 units; only a text longer than the limit in units can be too long.
    return v.length > maxText && [...v].length > maxText ? this.fail(field, 'TOO_LONG') : v;
  }
}
