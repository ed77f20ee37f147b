import { describe, expect, it } from 'vitest';
import { type Level, isSevere, levelName, parseLevel } from './level.ts';

describe('parseLevel', () => {
  it.each([
    ['一级', 1],
    ['二级', 2],
    ['三级', 3],
    ['四级', 4],
    ['一', 1],
    ['四', 4],
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['4', 4],
    ['1级', 1],
    ['4级', 4],
    [' 二级 ', 2],
    ['2 级', 2],
    [3, 3],
  ] as [string | number, Level][])('%j → %i', (raw, expected) => {
    expect(parseLevel(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([[''], ['0'], ['5'], ['五级'], ['零级'], ['I'], ['IV'], ['Ⅰ级'], ['1.5'], ['12'], ['级'], [0], [5], [1.5]])(
    '%j → LEVEL_INVALID',
    (raw) => {
      expect(parseLevel(raw)).toEqual({ ok: false, code: 'LEVEL_INVALID' });
    },
  );
});

describe('levelName and isSevere', () => {
  it.each([
    [1, '一级', true],
    [2, '二级', true],
    [3, '三级', false],
    [4, '四级', false],
  ] as [Level, string, boolean][])('level %i: %s, severe %s', (level, name, severe) => {
    expect(levelName(level)).toBe(name);
    expect(isSevere(level)).toBe(severe);
    expect(parseLevel(name)).toEqual({ ok: true, value: level });
  });
});
