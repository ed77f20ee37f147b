import type { Category } from '../disability/category.ts';
import type { Level } from '../disability/level.ts';
import { type Result, fail, ok } from '../result.ts';
import { normaliseIdNumber } from './id-number.ts';

/** A certificate digit → category map; one digit per category. */
export type CertificateCategoryDigits = Readonly<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Category>>;

/**
 * Certificate category digits. Public sources disagree on the order (some swap 1 and 2), so the map is data:
 * the default follows the 残疾人证管理办法 as quoted in policy-sources.md §1.
 */
export const certificateCategoryDigits: CertificateCategoryDigits = {
  '1': 'visual',
  '2': 'hearing',
  '3': 'speech',
  '4': 'physical',
  '5': 'intellectual',
  '6': 'mental',
  '7': 'multiple',
};

/** The parts of a 20-character certificate number: holder's ID number + category digit + level digit. */
export type CertificateParts = { certificateNumber: string; idNumber: string; category: Category; level: Level };

/** A disagreement between a certificate number and the person's record. */
export type CertificateMismatch = 'CERT_ID_MISMATCH' | 'CERT_CATEGORY_MISMATCH' | 'CERT_LEVEL_MISMATCH';

/** Normalises like an ID number: spaces removed, full-width characters and a lower-case x made ASCII. */
export function normaliseCertificateNumber(raw: string): string {
  return normaliseIdNumber(raw);
}

/** Checks the format only (17 digits, a digit or X, category 1–7, level 1–4); the ID part is checked elsewhere. */
export function parseCertificateNumber(
  raw: string,
  digits: CertificateCategoryDigits = certificateCategoryDigits,
): Result<CertificateParts, 'CERT_FORMAT'> {
  const n = normaliseCertificateNumber(raw);
  const m = /^(\d{17}[\dX])([1-7])([1-4])$/.exec(n);
  const category = m && digits[m[2] as keyof CertificateCategoryDigits];
  if (!m || !category) return fail('CERT_FORMAT');
  return ok({ certificateNumber: n, idNumber: m[1] as string, category, level: Number(m[3]) as Level });
}

/** What disagrees between a certificate number and the person's ID number, category and level (empty: all agree). */
export function certificateMismatches(
  cert: CertificateParts,
  person: { idNumber: string; category: Category; level: Level },
): CertificateMismatch[] {
  const problems: CertificateMismatch[] = [];
  if (cert.idNumber !== normaliseIdNumber(person.idNumber)) problems.push('CERT_ID_MISMATCH');
  if (cert.category !== person.category) problems.push('CERT_CATEGORY_MISMATCH');
  if (cert.level !== person.level) problems.push('CERT_LEVEL_MISMATCH');
  return problems;
}

/** Builds the certificate number of a person: normalised ID number + category digit + level digit. */
export function buildCertificateNumber(
  idNumber: string,
  category: Category,
  level: Level,
  digits: CertificateCategoryDigits = certificateCategoryDigits,
): string {
  const digit = Object.entries(digits).find(([, c]) => c === category)?.[0] ?? '';
  return `${normaliseIdNumber(idNumber)}${digit}${level}`;
}
