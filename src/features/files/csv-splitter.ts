const comma = 44;
const quote = 34;
const cr = 13;
const lf = 10;

/** A record longer than this (in characters) is no table row: most likely an unclosed quote swallowing the file. */
export const maxCsvRecordLength = 1_000_000;

/**
 * Splits CSV text, fed chunk by chunk, into records of raw field texts. It reads what csv-parse reads with
 * `relax_quotes` and `relax_column_count` (the parser this replaces; a test compares the two): `"` quoting with `""`
 * escapes; a quote inside an unquoted field is text, and so is a quoted field followed by more text (`"a"b` → `"a"b`);
 * the line end (CRLF, LF or CR) is the first one found outside quotes, the others are then text; a blank line is a
 * record with one empty field. Several times faster than csv-parse: fields are cut from the chunk with `slice`.
 */
export class CsvSplitter {
  private fields: string[] = [];
  /** The current field's text from earlier chunks (it continues in the next one). */
  private carried = '';
  private inQuotes = false;
  /** Whether the current field began with a quote (and so whether it ends with a closing quote). */
  private quoted = false;
  /** '\r\n', '\n' or '\r' once seen; undefined until the first line end. */
  private lineEnd: string | undefined;
  private pending = '';
  private recordLength = 0;
  private started = false;

  /** Adds a chunk of text and returns the records it completed. */
  push(chunk: string): string[][] {
    const text = this.pending + (this.started ? chunk : chunk.replace(/^\uFEFF/, ''));
    this.started = true;
    this.pending = '';
    const records: string[][] = [];
    // A CR at the very end may be half of a CRLF: decide when the next chunk comes.
    const end =
      text.charCodeAt(text.length - 1) === cr && (this.lineEnd === undefined || this.lineEnd === '\r\n') ? text.length - 1 : text.length;
    if (end < text.length) this.pending = '\r';
    this.scan(text, end, records, false);
    return records;
  }

  /** Ends the input: returns the last record, if any. Throws on a quote that was never closed. */
  finish(): string[][] {
    const records: string[][] = [];
    if (this.pending !== '') {
      const text = this.pending;
      this.pending = '';
      this.scan(text, text.length, records, true);
    }
    if (this.inQuotes) throw new Error('Quote not closed: the file ends inside a quoted field.');
    if (this.fields.length > 0 || this.carried !== '' || this.quoted) {
      this.endField('');
      records.push(this.takeRecord());
    }
    return records;
  }

  /** Scans text[0, end); `final` when nothing follows (a quote at the very end then closes its field). */
  private scan(text: string, end: number, records: string[][], final: boolean): void {
    let start = 0;
    let i = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c !== quote) {
          i += 1;
          continue;
        }
        if (i + 1 === text.length && !final) {
          // The quote is the last character: whether it closes the field depends on what follows.
          this.carry(text, start, i);
          this.pending = `"${this.pending}`;
          return;
        }
        const next = text.charCodeAt(i + 1);
        if (next === quote) {
          this.carried += text.slice(start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        this.carried += text.slice(start, i);
        this.inQuotes = false;
        i += 1;
        start = i;
        continue;
      }
      if (c === comma) {
        this.endField(text.slice(start, i));
        i += 1;
        start = i;
      } else if (c === quote && start === i && this.carried === '' && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        i += 1;
        start = i;
      } else if ((c === cr || c === lf) && this.lineEndAt(text, i) > 0) {
        const width = this.lineEndAt(text, i);
        this.endField(text.slice(start, i));
        records.push(this.takeRecord());
        i += width;
        start = i;
      } else {
        if (this.quoted) this.textAfterQuote();
        i += 1;
      }
    }
    this.carry(text, start, end);
  }

  /** Text after a closing quote: the field is text, its outer quotes included (csv-parse's relax_quotes). */
  private textAfterQuote(): void {
    this.carried = `"${this.carried}"`;
    this.quoted = false;
  }

  /** The width of the line end at i (1 or 2), or 0 when the character there is text under the detected line end. */
  private lineEndAt(text: string, i: number): number {
    const crlf = text.charCodeAt(i) === cr && text.charCodeAt(i + 1) === lf;
    if (this.lineEnd === undefined) this.lineEnd = crlf ? '\r\n' : text.charAt(i);
    if (this.lineEnd === '\r\n') return crlf ? 2 : 0;
    return text.charAt(i) === this.lineEnd ? 1 : 0;
  }

  private carry(text: string, start: number, end: number): void {
    if (start >= end) return;
    const part = text.slice(start, end);
    this.carried += part;
    this.recordLength += end - start;
    if (this.recordLength > maxCsvRecordLength) throw new Error(`A record is longer than ${maxCsvRecordLength} characters.`);
  }

  private endField(tail: string): void {
    const field = this.carried === '' ? tail : this.carried + tail;
    this.fields.push(field);
    this.recordLength += tail.length;
    if (this.recordLength > maxCsvRecordLength) throw new Error(`A record is longer than ${maxCsvRecordLength} characters.`);
    this.carried = '';
    this.quoted = false;
  }

  private takeRecord(): string[] {
    const record = this.fields;
    this.fields = [];
    this.recordLength = 0;
    return record;
  }
}
