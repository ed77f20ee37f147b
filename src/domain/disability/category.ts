import { type Result, fail, ok } from '../result.ts';

/** Disability category (GB/T 26341-2010). */
export type Category = 'visual' | 'hearing' | 'speech' | 'physical' | 'intellectual' | 'mental' | 'multiple';

/** The seven categories with their certificate code and names (DOMAIN.md §3). */
export const categories: readonly { id: Category; code: number; zh: string; en: string }[] = [
  { id: 'visual', code: 1, zh: '视力', en: 'visual' },
  { id: 'hearing', code: 2, zh: '听力', en: 'hearing' },
  { id: 'speech', code: 3, zh: '言语', en: 'speech' },
  { id: 'physical', code: 4, zh: '肢体', en: 'physical' },
  { id: 'intellectual', code: 5, zh: '智力', en: 'intellectual' },
  { id: 'mental', code: 6, zh: '精神', en: 'mental' },
  { id: 'multiple', code: 7, zh: '多重', en: 'multiple' },
];

/** Reads a category from its Chinese name (with or without 残疾), its code 1–7, or its English identifier. */
export function parseCategory(raw: string): Result<Category, 'CATEGORY_INVALID'> {
  const text = raw.trim().replace(/残疾$/, '').toLowerCase();
  const found = categories.find((c) => c.zh === text || c.id === text || String(c.code) === text);
  return found ? ok(found.id) : fail('CATEGORY_INVALID');
}

/** The Chinese name of a category. */
export function categoryName(category: Category): string {
  return categories.find((c) => c.id === category)?.zh ?? category;
}

/** Intellectual or mental disability: Guangdong extends some benefits to their levels 3–4. */
export function isIntellectualOrMental(category: Category): boolean {
  return category === 'intellectual' || category === 'mental';
}
