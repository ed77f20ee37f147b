/** The indicator parameters an administrator sets (src/features/indicators/parameters-store.ts). */
export const parameterKeys = ['gdpGrowth', 'dibaoStandard.urban', 'dibaoStandard.rural'] as const;
/** One of them. */
export type ParameterKey = (typeof parameterKeys)[number];

/** A stored value (GET /api/v1/indicators/parameters). */
export type ParameterEntry = { key: string; year: number; value: number; source: string; enteredBy: string; enteredAt: string };

/** GDP growth is stored as a fraction and shown in percent; dibao standards are stored in fen and shown in yuan. */
export function shownValue(key: string, value: number): string {
  return key === 'gdpGrowth' ? `${round(value * 100, 2)}%` : `${round(value / 100, 2)}`;
}

/** The stored value of what the form holds (percent or yuan), or null when the text is not a number. */
export function storedValue(key: string, text: string): number | null {
  const t = text.trim().replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return key === 'gdpGrowth' ? round(n / 100, 6) : Math.round(n * 100);
}

/** The text the form starts from for a stored value. */
export function formValue(key: string, value: number | undefined): string {
  if (value === undefined) return '';
  return key === 'gdpGrowth' ? String(round(value * 100, 4)) : String(round(value / 100, 2));
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
