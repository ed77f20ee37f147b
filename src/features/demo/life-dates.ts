/**
 * Dates in a demo person's life: birth within an age bracket, certificate issue and expiry, death.
 * All are day numbers (see days.ts) relative to the reference date `asOfDay`; nothing reads a clock.
 */
import { addYears, civilFromDay } from './days.ts';
import { demoRates, minimumAgeDays } from './distributions.ts';
import type { Random } from './random.ts';

/** Days in the "expiring soon" window after asOf (about six months). */
export const expiringSoonDays = 182;
/** A certificate is issued at the earliest this many days after birth. */
const firstIssueAfterBirthDays = 90;

/** A uniform day in [from, to] (to >= from). */
function dayBetween(random: Random, from: number, to: number): number {
  return from + random.int(to - from + 1);
}

/** A birth day giving a completed age in [fromYears, toYears] on asOfDay, never younger than the minimum. */
export function pickBirthDay(random: Random, asOfDay: number, fromYears: number, toYears: number): number {
  const earliest = addYears(asOfDay, -(toYears + 1)) + 1;
  const latest = Math.min(addYears(asOfDay, -fromYears), asOfDay - minimumAgeDays);
  return dayBetween(random, earliest, latest);
}

/** Completed years of age on `onDay` for someone born on `birthDay`. */
export function ageInYears(birthDay: number, onDay: number): number {
  const [by, bm, bd] = civilFromDay(birthDay);
  const [y, m, d] = civilFromDay(onDay);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Issue and expiry of the current certificate: valid 10 years (validUntil = issue + 10 years − 1 day);
 * ≈ 3 % expired before asOf, ≈ 5 % expiring within the next six months, the rest issued in between.
 */
export function pickCertificateDays(random: Random, birthDay: number, asOfDay: number): { issuedOn: number; validUntil: number } {
  const earliest = birthDay + firstIssueAfterBirthDays;
  const lastExpiredIssue = addYears(asOfDay, -10);
  const normalFrom = Math.max(earliest, lastExpiredIssue + expiringSoonDays + 1);
  const roll = random.next();
  let window: [number, number] = [normalFrom, asOfDay];
  if (roll < demoRates.certificateExpired) {
    window = [addYears(asOfDay, -12) + 1, lastExpiredIssue];
  } else if (roll < demoRates.certificateExpired + demoRates.certificateExpiringSoon) {
    window = [lastExpiredIssue + 1, lastExpiredIssue + expiringSoonDays];
  }
  const from = Math.max(window[0], earliest);
  const issuedOn = from <= window[1] ? dayBetween(random, from, window[1]) : dayBetween(random, normalFrom, asOfDay);
  return { issuedOn, validUntil: addYears(issuedOn, 10) - 1 };
}

/**
 * A death day in the 3 years before asOf (after the certificate was issued), or undefined for the living;
 * older persons die more often (≈ 2 % overall).
 */
export function pickDeceasedDay(random: Random, ageYears: number, issuedOn: number, asOfDay: number): number | undefined {
  const rate = ageYears >= 60 ? demoRates.deceasedAged60Plus : demoRates.deceasedUnder60;
  if (!random.chance(rate)) {
    return undefined;
  }
  const from = Math.max(addYears(asOfDay, -3), issuedOn + 1);
  const to = asOfDay - 1;
  return from <= to ? dayBetween(random, from, to) : undefined;
}
