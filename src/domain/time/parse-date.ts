import { type Result, fail, ok } from '../result.ts';
import { type Day, addDays, dayOf, isDay } from './day.ts';

const toAscii = (s: string) => s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const patterns = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Reads a date typed by a person: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 or YYYYMMDD (full-width digits too). */
export function parseDateText(raw: string): Result<Day, 'DATE_INVALID'> {
  const text = toAscii(raw.replace(/[\s\u3000]/g, ''));
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return isDay(day) ? ok(day) : fail('DATE_INVALID');
  }
  return fail('DATE_INVALID');
}

/**
 * An Excel serial date (1900 date system) as a Day. Serial 60 is Excel's fictitious 1900-02-29, kept for Lotus
 * compatibility: it and anything outside 1–2958465 (9999-12-31) is invalid; fractions (times of day) are dropped.
 */
export function excelSerialToDay(serial: number): Result<Day, 'DATE_INVALID'> {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > 2_958_465 || whole === 60) return fail('DATE_INVALID');
  // Serial 1 is 1900-01-01; from serial 61 on, one fictitious day has to be skipped.
  return ok(addDays('1899-12-31', whole < 60 ? whole : whole - 1));
}
