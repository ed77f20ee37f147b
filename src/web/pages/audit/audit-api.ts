/** One audit entry (GET /api/v1/audit; src/features/access/schemas.ts AuditItemSchema). */
export type AuditItem = {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  role: string | null;
  orgCode: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: unknown;
};

/** The search form; '' = any. */
export type AuditFilters = {
  from: string;
  to: string;
  username: string;
  action: string;
  targetId: string;
  outcome: '' | 'success' | 'denied' | 'failure';
};

/** No filter: the newest entries first. */
export const emptyAuditFilters: AuditFilters = { from: '', to: '', username: '', action: '', targetId: '', outcome: '' };

/** The query string of the filters (empty ones left out) and paging extras. */
export function auditQuery(f: AuditFilters, extra: Record<string, string> = {}): string {
  const set = Object.entries(f)
    .map(([k, v]) => [k, v.trim()])
    .filter(([, v]) => v !== '');
  return new URLSearchParams([...set, ...Object.entries(extra)]).toString();
}

/** An entry's details on one line (the server has already masked personal numbers in them). */
export function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '—';
  if (typeof details !== 'object') return String(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}
