import { describe, expect, it } from 'vitest';
import { cellText, dayText, isImpreciseNumber } from './cell-text.ts';

describe('cellText', () => {
  it.each([
    [null, ''],
    ['  张三 ', '张三'],
    ['44182119800101001X', '44182119800101001X'],
    [42, '42'],
    [1234.5, '1234.5'],
    [0.1 + 0.2, '0.3'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [-12.25, '-12.25'],
    [13800001234, '13800001234'],
    // An ID number typed as a number: Excel (and the file) hold only 15 significant digits.
    [Number('441821198001010011'), '441821198001010000'],
    [Number.NaN, ''],
    [new Date(Date.UTC(1980, 0, 2)), '1980-01-02'],
    [new Date(Date.UTC(2024, 1, 29, 23, 59)), '2024-02-29'],
  ])('%s → %j', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('dayText', () => {
  it('gives an empty text for an invalid date', () => {
    expect(dayText(new Date(Number.NaN))).toBe('');
  });
});

describe('isImpreciseNumber', () => {
  it('flags integers of 16 or more digits only', () => {
    expect(isImpreciseNumber(Number('441821198001010011'))).toBe(true);
    expect(isImpreciseNumber(1e15)).toBe(true);
    expect(isImpreciseNumber(999_999_999_999_999)).toBe(false);
    expect(isImpreciseNumber('441821198001010011')).toBe(false);
    expect(isImpreciseNumber(null)).toBe(false);
  });
});
