import { type Result, fail, ok } from '../result.ts';
import { type Day, addDays, dayOf, isDay } from './day.ts';

/** Full-width ASCII (digits, '－', '／', '．') to ASCII; the ideographic space to a space. */
const toHalfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

const patterns = [
  // One separator used twice: 2025-1-2, 2025/1/2, 2025.1.2 (spaces around it tolerated).
  /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Reads a date typed by a person: YYYY-MM-DD, YYYY/M/D, YYYY-M-D, YYYY.M.D, YYYY年M月D日 or YYYYMMDD (full-width too). */
export function parseDateText(raw: string): Result<Day, 'DATE_INVALID'> {
  // The common case, a valid YYYY-MM-DD, is its own result.
  if (isDay(raw)) return ok(raw);
  const text = toHalfWidth(raw).trim();
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, month, day] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    const result = dayOf(Number(year), Number(month), Number(day));
    return isDay(result) ? ok(result) : fail('DATE_INVALID');
  }
  return fail('DATE_INVALID');
}

/**
 * An Excel serial date (1900 date system) as a Day. Serial 60 is Excel's fictitious 1900-02-29, kept for Lotus
 * compatibility: it and anything outside 1–2958465 (9999-12-31) is invalid; fractions (times of day) are dropped.
 */
export function excelSerialToDay(serial: number): Result<Day, 'DATE_INVALID'> {
  if (!Number.isFinite(serial)) return fail('DATE_INVALID');
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465 || whole === 60) return fail('DATE_INVALID');
  // Serial 1 is 1900-01-01; from serial 61 on, the fictitious 29 February has to be skipped.
  return ok(addDays('1899-12-31', whole < 60 ? whole : whole - 1));
}
