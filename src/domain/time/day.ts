/** A calendar day as 'YYYY-MM-DD' (no time, no zone): how every date in the registry is held. */
export type Day = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a date; setUTCFullYear keeps years 0–99 literal (Date.UTC would map them to 1900–1999). */
function utcDate(year: number, month: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t;
}

function parts(day: Day): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year (proleptic Gregorian calendar). */
export function daysInMonth(year: number, month: number): number {
  // Computed without a Date for whole years and months 1–12: it is called for every date of an import.
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return utcDate(year, month + 1, 0).getUTCDate();
  if (month !== 2) return monthDays[month - 1] as number;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Formats year, month and day as a Day (no range check: use isDay on the result). */
export function dayOf(year: number, month: number, day: number): Day {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the text is a real calendar date in 'YYYY-MM-DD' form (leap years included, year 0001–9999). */
export function isDay(text: string): boolean {
  const m = dayPattern.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day n days later (n may be negative). */
export function addDays(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return dayFromDate(utcDate(y, m, d + n));
}

/** The same day n years later (n may be negative); 29 February becomes 28 February in a common year. */
export function addYears(day: Day, n: number): Day {
  const [y, m, d] = parts(day);
  return dayOf(y + n, m, Math.min(d, daysInMonth(y + n, m)));
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Age in whole years on a day: a person born 2019-12-31 is 6 on 2025-12-31 and 5 the day before; a person born
 * on 29 February gains a year on 1 March in a common year.
 */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 31 December of a year. */
export function yearEnd(year: number): Day {
  return dayOf(year, 12, 31);
}

/** The UTC calendar day of a JavaScript Date (Excel and date-only cells are UTC midnight). */
export function dayFromDate(date: Date): Day {
  return dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The earlier of two days. */
export function minDay(a: Day, b: Day): Day {
  return a <= b ? a : b;
}

/** The later of two days. */
export function maxDay(a: Day, b: Day): Day {
  return a >= b ? a : b;
}
