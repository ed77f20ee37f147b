import { describe, expect, it } from 'vitest';
import { daysLeft, type RenewalState, renewalState } from './renewal.ts';

// DOMAIN.md §3–4: a certificate is valid 10 years, through its validUntil day; renewals surface months ahead.
describe('renewalState', () => {
  it.each([
    [null, '2025-06-30', 90, null],
    ['2025-06-30', '2025-06-30', 90, 'dueSoon'],
    ['2025-06-29', '2025-06-30', 90, 'expired'],
    ['2015-01-01', '2025-06-30', 90, 'expired'],
    ['2025-07-01', '2025-06-30', 90, 'dueSoon'],
    ['2025-09-28', '2025-06-30', 90, 'dueSoon'],
    ['2025-09-29', '2025-06-30', 90, null],
    ['2026-06-30', '2025-06-30', 90, null],
    ['2025-07-30', '2025-06-30', 30, 'dueSoon'],
    ['2025-07-31', '2025-06-30', 30, null],
    ['2025-06-30', '2025-06-30', 0, 'dueSoon'],
    ['2025-07-01', '2025-06-30', 0, null],
    ['2024-02-29', '2024-03-01', 90, 'expired'],
    ['2024-02-29', '2024-02-29', 1, 'dueSoon'],
    ['2025-12-31', '2025-10-02', 90, 'dueSoon'],
    ['2026-01-01', '2025-10-02', 90, null],
  ] as [string | null, string, number, RenewalState | null][])(
    'valid until %s, on %s, window %i → %s',
    (validUntil, asOf, window, expected) => {
      expect(renewalState(validUntil, asOf, window)).toBe(expected);
    },
  );

  it('uses a 90-day window by default', () => {
    expect(renewalState('2025-09-28', '2025-06-30')).toBe('dueSoon');
    expect(renewalState('2025-09-29', '2025-06-30')).toBeNull();
  });
});

describe('daysLeft', () => {
  it.each([
    ['2025-06-30', '2025-06-30', 0],
    ['2025-07-01', '2025-06-30', 1],
    ['2025-06-29', '2025-06-30', -1],
    ['2026-06-30', '2025-06-30', 365],
    ['2024-03-01', '2024-02-28', 2],
    ['2025-03-30', '2025-03-29', 1],
  ])('%s from %s → %i', (validUntil, asOf, expected) => {
    expect(daysLeft(validUntil, asOf)).toBe(expected);
  });
});
