import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from './csv-splitter.ts';

/** Splits text fed in chunks of the given sizes (the last chunk takes the rest). */
function split(text: string, sizes: number[] = []): string[][] | 'error' {
  const splitter = new CsvSplitter();
  const records: string[][] = [];
  let at = 0;
  try {
    for (const size of sizes) {
      records.push(...splitter.push(text.slice(at, at + size)));
      at += size;
    }
    records.push(...splitter.push(text.slice(at)));
    records.push(...splitter.finish());
  } catch {
    return 'error';
  }
  return records;
}

function csvParse(text: string): string[][] | 'error' {
  try {
    return parse(text, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch {
    return 'error';
  }
}

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe('CsvSplitter', () => {
  it('reads quoting, escapes, blank lines and each kind of line end', () => {
    expect(split('a,b\n\nc\n')).toEqual([['a', 'b'], [''], ['c']]);
    expect(split('\uFEFFa,"b ""x""\r\ny",c\r\n,\r\n')).toEqual([
      ['a', 'b "x"\r\ny', 'c'],
      ['', ''],
    ]);
    expect(split('a\rb\rc')).toEqual([['a'], ['b'], ['c']]);
    expect(split('x"y,"z"a,""')).toEqual([['x"y', '"z"a', '']]);
    expect(split('"open,\n')).toBe('error');
  });

  it('agrees with csv-parse on random text cut into random chunks', () => {
    const next = random(42);
    const alphabet = ['a', '中', ',', '"', '"', '\n', '\r\n', '\r', ' ', '""'];
    for (let n = 0; n < 1000; n += 1) {
      const length = Math.floor(next() * 30);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const sizes = Array.from({ length: 3 }, () => Math.floor(next() * 6));
      const expected = csvParse(text);
      expect({ text, records: split(text, sizes) }).toEqual({ text, records: expected });
    }
  });

  it('refuses a record of over a million characters', () => {
    const long = `"${'x'.repeat(600_000)}`;
    expect(split(`a\n${long}${long}`, [300_000, 300_000, 300_000])).toBe('error');
  });
});
