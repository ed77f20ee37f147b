import { addDays, type Day } from '../time/day.ts';

/** Where a certificate stands against its renewal date. */
export type RenewalState = 'expired' | 'dueSoon';

/** Days ahead a renewal is surfaced by default: "months ahead" (DOMAIN.md §4), a quarter of a year. */
export const defaultRenewalWindowDays = 90;

/**
 * Whether a certificate valid until `validUntil` needs renewal on `asOf`: expired once the day after validUntil
 * has begun (the certificate is valid through its last day), due soon when it ends within `windowDays` days,
 * else null. A certificate without an end date (old records, "长期") never needs renewal here.
 */
export function renewalState(validUntil: Day | null, asOf: Day, windowDays = defaultRenewalWindowDays): RenewalState | null {
  if (!validUntil) return null;
  if (validUntil < asOf) return 'expired';
  return validUntil <= addDays(asOf, windowDays) ? 'dueSoon' : null;
}

/** Whole days from asOf to validUntil: 0 on the last valid day, negative once expired. */
export function daysLeft(validUntil: Day, asOf: Day): number {
  return Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}
