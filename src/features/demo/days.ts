/**
 * Calendar arithmetic for the demo generator on plain day numbers (days since 1970-01-01, proleptic
 * Gregorian), after Howard Hinnant's civil-date algorithms. Pure and fast; no clock, no time zone.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date; a day past the month's end rolls into the next month. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number as [year, month, day]. */
export function civilFromDay(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Parses a strict 'YYYY-MM-DD' date into a day number; throws RangeError on anything else. */
export function parseDay(text: string): number {
  const match = ISO_DAY.exec(text);
  if (match === null) {
    throw new RangeError(`expected a 'YYYY-MM-DD' date, got '${text}'`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayFromCivil(year, month, day);
  const [y, m, d] = civilFromDay(dayNumber);
  if (y !== year || m !== month || d !== day) {
    throw new RangeError(`no such date: '${text}'`);
  }
  return dayNumber;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatDay(dayNumber: number): string {
  const [y, m, d] = civilFromDay(dayNumber);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Formats a day number as 'YYYYMMDD' (the birth-date part of an ID number). */
export function compactDay(dayNumber: number): string {
  const [y, m, d] = civilFromDay(dayNumber);
  return `${y}${m < 10 ? '0' : ''}${m}${d < 10 ? '0' : ''}${d}`;
}

/**
 * The same month and day `years` later (negative: earlier); 29 February becomes 28 February in a common
 * year, as `addYears` in domain/time/day.ts does (so 2016-02-29 + 10 years − 1 day = 2026-02-27).
 */
export function addYears(dayNumber: number, years: number): number {
  const [y, m, d] = civilFromDay(dayNumber);
  const year = y + years;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return dayFromCivil(year, m, m === 2 && d === 29 && !leap ? 28 : d);
}
