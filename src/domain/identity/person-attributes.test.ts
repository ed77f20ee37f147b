import { describe, expect, it } from 'vitest';
import { parseGender, parseHukou } from './person-attributes.ts';

describe('parseHukou', () => {
  it.each([
    ['城镇', 'urban'],
    ['非农业', 'urban'],
    ['非农', 'urban'],
    ['非农业户口', 'urban'],
    ['城镇户口', 'urban'],
    ['urban', 'urban'],
    ['Urban', 'urban'],
    [' 城镇 ', 'urban'],
    ['\u3000非农\u3000', 'urban'],
    ['农村', 'rural'],
    ['农业', 'rural'],
    ['农业户口', 'rural'],
    ['农村户口', 'rural'],
    ['rural', 'rural'],
    ['RURAL', 'rural'],
  ])('%j → %s', (raw, expected) => {
    expect(parseHukou(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([[''], ['  '], ['城'], ['居民'], ['居民户口'], ['其他'], ['city'], ['1']])('%j → HUKOU_INVALID', (raw) => {
    expect(parseHukou(raw)).toEqual({ ok: false, code: 'HUKOU_INVALID' });
  });
});

describe('parseGender', () => {
  it.each([
    ['男', 'male'],
    ['男性', 'male'],
    ['male', 'male'],
    ['Male', 'male'],
    ['MALE', 'male'],
    ['M', 'male'],
    ['m', 'male'],
    [' 男 ', 'male'],
    ['女', 'female'],
    ['女性', 'female'],
    ['female', 'female'],
    ['FEMALE', 'female'],
    ['F', 'female'],
    ['f', 'female'],
    ['\u3000女\u3000', 'female'],
  ])('%j → %s', (raw, expected) => {
    expect(parseGender(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([[''], ['  '], ['男女'], ['未知'], ['x'], ['1'], ['2'], ['man'], ['woman']])('%j → GENDER_INVALID', (raw) => {
    expect(parseGender(raw)).toEqual({ ok: false, code: 'GENDER_INVALID' });
  });
});
