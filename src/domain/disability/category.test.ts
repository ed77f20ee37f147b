import { describe, expect, it } from 'vitest';
import { type Category, categories, categoryName, isIntellectualOrMental, parseCategory } from './category.ts';

describe('categories', () => {
  it.each([
    ['visual', 1, '视力'],
    ['hearing', 2, '听力'],
    ['speech', 3, '言语'],
    ['physical', 4, '肢体'],
    ['intellectual', 5, '智力'],
    ['mental', 6, '精神'],
    ['multiple', 7, '多重'],
  ] as const)('%s has code %i and name %s', (id, code, zh) => {
    expect(categories.find((c) => c.id === id)).toEqual({ id, code, zh, en: id });
    expect(categoryName(id)).toBe(zh);
  });
});

describe('parseCategory', () => {
  it.each([
    ['视力', 'visual'],
    ['视力残疾', 'visual'],
    ['听力', 'hearing'],
    ['听力残疾', 'hearing'],
    ['言语', 'speech'],
    ['言语残疾', 'speech'],
    ['肢体', 'physical'],
    ['肢体残疾', 'physical'],
    ['智力', 'intellectual'],
    ['智力残疾', 'intellectual'],
    ['精神', 'mental'],
    ['精神残疾', 'mental'],
    ['多重', 'multiple'],
    ['多重残疾', 'multiple'],
    [' 肢体残疾 ', 'physical'],
    ['1', 'visual'],
    ['4', 'physical'],
    ['7', 'multiple'],
    ['physical', 'physical'],
    ['Mental', 'mental'],
    ['INTELLECTUAL', 'intellectual'],
  ])('%j → %s', (raw, expected) => {
    expect(parseCategory(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([[''], ['残疾'], ['0'], ['8'], ['肢'], ['肢体残'], ['残疾肢体'], ['physical disability'], ['语言'], ['智力精神']])(
    '%j → CATEGORY_INVALID',
    (raw) => {
      expect(parseCategory(raw)).toEqual({ ok: false, code: 'CATEGORY_INVALID' });
    },
  );
});

describe('isIntellectualOrMental', () => {
  it.each([
    ['intellectual', true],
    ['mental', true],
    ['visual', false],
    ['hearing', false],
    ['speech', false],
    ['physical', false],
    ['multiple', false],
  ] as [Category, boolean][])('%s → %s', (category, expected) => {
    expect(isIntellectualOrMental(category)).toBe(expected);
  });
});
