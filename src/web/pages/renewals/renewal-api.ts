import type { z } from 'zod';
import type { RenewalPageSchema } from '../../../contracts/renewals.ts';

/** A page of the renewal list (GET /api/v1/renewals). */
export type RenewalPage = z.infer<typeof RenewalPageSchema>;

/** The filters the page offers; '' means all. */
export type RenewalFilters = { state: '' | 'expired' | 'dueSoon'; within: string; town: string };

/** The windows offered, in days ("months ahead", DOMAIN.md §4). */
export const windows = ['30', '60', '90', '180'] as const;

/** Query string of the filters (and paging extras). */
export function renewalQuery(f: RenewalFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({
    within: f.within,
    ...(f.state ? { state: f.state } : {}),
    ...(f.town ? { town: f.town } : {}),
    ...extra,
  });
  return p.toString();
}
