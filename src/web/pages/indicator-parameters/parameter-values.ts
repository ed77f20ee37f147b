export type { ParameterEntry } from '../../../contracts/indicators.ts';

/** The indicator parameters an administrator sets (src/features/indicators/parameters-store.ts). */
// Dibao standards are policy parameters now (/policy/parameters): the indicators' eligibility reads the rules'.
export const parameterKeys = ['gdpGrowth'] as const;
/** One of them. */
export type ParameterKey = (typeof parameterKeys)[number];

/** GDP growth is stored as a fraction and shown in percent. */
export function shownValue(value: number): string {
  return `${round(value * 100, 2)}%`;
}

/** The stored value of what the form holds (percent), or null when the text is not a number. */
export function storedValue(text: string): number | null {
  const t = text.trim().replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return round(Number(t) / 100, 6);
}

/** The text the form starts from for a stored value. */
export function formValue(value: number | undefined): string {
  if (value === undefined) return '';
  return String(round(value * 100, 4));
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
