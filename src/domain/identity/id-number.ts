import { type Result, fail, ok } from '../result.ts';
import { type Day, compareDays, isDay } from '../time/day.ts';

/** What a valid resident ID number (GB 11643-1999) tells. */
export type IdNumberInfo = {
  idNumber: string;
  /** Where the number was first issued (GB/T 2260), not where the person lives now. */
  regionCode: string;
  birthDate: Day;
  gender: 'male' | 'female';
  /** Hong Kong, Macao or Taiwan residence-permit numbers (810000/820000/830000): valid, flagged. */
  residencePermit: 'hk' | 'mo' | 'tw' | null;
};

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';
const permits: Record<string, IdNumberInfo['residencePermit']> = { '810000': 'hk', '820000': 'mo', '830000': 'tw' };
const earliestBirth: Day = '1890-01-01';
const normalForm = /^\d{17}[\dX]$/;

/** Removes all spaces (also full-width and zero-width ones), makes full-width characters ASCII and letters upper-case. */
export function normaliseIdNumber(raw: string): string {
  // Most numbers in a file are already normal: nothing to remove or convert.
  if (normalForm.test(raw)) return raw;
  return raw
    .replace(/[\s\u3000\u200b-\u200d\ufeff]/g, '')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character of the first 17 digits (ISO 7064 MOD 11-2), or '' when they are not 17 digits. */
export function idCheckChar(first17: string): string {
  const digits = first17.slice(0, 17);
  if (!/^\d{17}$/.test(digits)) return '';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (digits.charCodeAt(i) - 48) * (weights[i] as number);
  return checkChars[sum % 11] as string;
}

/**
 * Validates a resident ID number as of a day: format (18 characters, 17 digits and a digit or X; not a foreign
 * permanent-residence number beginning with 9), then birth date (real, not after asOf, not before 1890), then the
 * check character.
 */
export function parseIdNumber(raw: string, asOf: Day): Result<IdNumberInfo, 'ID_FORMAT' | 'ID_BIRTHDATE' | 'ID_CHECKSUM'> {
  const id = normaliseIdNumber(raw);
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) return fail('ID_FORMAT');
  // The digits are already zero-padded: the same text as dayOf of their numbers.
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isDay(birthDate) || compareDays(birthDate, asOf) > 0 || compareDays(birthDate, earliestBirth) < 0) {
    return fail('ID_BIRTHDATE');
  }
  if (idCheckChar(id) !== id[17]) return fail('ID_CHECKSUM');
  const regionCode = id.slice(0, 6);
  return ok({
    idNumber: id,
    regionCode,
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    residencePermit: permits[regionCode] ?? null,
  });
}

/** Masks an ID number for display: first 6 (the region) + 8 stars + last 4; other lengths keep first 2 and last 1. */
export function maskIdNumber(id: string): string {
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(14)}`;
  if (id.length <= 3) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 3)}${id.slice(-1)}`;
}
