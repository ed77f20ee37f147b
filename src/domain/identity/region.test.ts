import { describe, expect, it } from 'vitest';
import { isCodeWithin, orgLevelOfCode, parentCodeOf } from './region.ts';

describe('orgLevelOfCode', () => {
  it.each([
    ['440000', 'province'],
    ['441800', 'city'],
    ['441821', 'county'],
    ['110105', 'county'],
    ['441821100', 'town'],
    ['441821400', 'town'],
    ['441821100224', 'village'],
    ['441821101204', 'village'],
    ['44182', null],
    ['4418211', null],
    ['4418211001', null],
    ['4418211002245', null],
    ['44182A', null],
    ['', null],
    [' 441821', null],
  ])('%j → %s', (code, level) => {
    expect(orgLevelOfCode(code)).toBe(level);
  });
});

describe('parentCodeOf', () => {
  it.each([
    ['441821100224', '441821100'],
    ['441821100', '441821'],
    ['441821', '441800'],
    ['441800', '440000'],
    ['440000', null],
    ['110105', '110100'],
    ['abc', null],
  ])('%s → %s', (code, parent) => {
    expect(parentCodeOf(code)).toBe(parent);
  });
});

describe('isCodeWithin', () => {
  it.each([
    ['441821100224', '441821100', true],
    ['441821100224', '441821', true],
    ['441821100224', '441800', true],
    ['441821100224', '440000', true],
    ['441821100224', '441821100224', true],
    ['441821', '441821', true],
    ['441821101204', '441821100', false],
    ['441821100', '441821100224', false],
    ['441821', '441821100', false],
    ['441802', '441821', false],
    ['110105', '440000', false],
    ['441821100224', '44182110', false],
    ['bad', 'bad', false],
  ])('%s within %s: %s', (code, ancestor, expected) => {
    expect(isCodeWithin(code, ancestor)).toBe(expected);
  });
});
