import type { z } from 'zod';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { auditRead } from './audit.ts';
import { auditTime } from './audit-entry.ts';
import { loadOrgUnits, subtreeCodes } from './org-tree.ts';
import type { AuditItemSchema, AuditQuerySchema } from './schemas.ts';
import { type Scope, assertCan } from './scope.ts';

/** The audit search filters. */
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
/** One audit entry as answered. */
export type AuditItem = z.infer<typeof AuditItemSchema>;

/** A day (YYYY-MM-DD, UTC) or an instant, as stored; `to` given as a day includes that whole day. */
function boundary(value: string, field: 'from' | 'to'): string {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = new Date(isDay ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) throw new AppError('DATE_INVALID', { path: ['query', field] });
  if (isDay && field === 'to') at.setUTCDate(at.getUTCDate() + 1);
  return auditTime(at);
}

/**
 * Searches the audit log, newest first, in keyset pages (audit.read: the auditor). An auditor below province level
 * sees the entries of users in their subtree, of the command line, and of anonymous callers. The search itself is
 * audited.
 */
export async function searchAudit(
  database: Database,
  scope: Scope,
  query: AuditQuery,
): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  assertCan(scope, 'audit.read');
  let q = database.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.from) q = q.where('at', '>=', boundary(query.from, 'from'));
  if (query.to) q = q.where('at', '<', boundary(query.to, 'to'));
  if (query.username) q = q.where('username', '=', query.username.trim().toLowerCase());
  if (query.action) q = q.where('action', '=', query.action);
  if (query.targetType) q = q.where('target_type', '=', query.targetType);
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.cursor) {
    if (!/^\d+$/.test(query.cursor)) throw new AppError('VALIDATION', { path: ['query', 'cursor'] });
    q = q.where('id', '<', Number(query.cursor));
  }
  if (scope.orgLevel !== 'province') {
    const codes = subtreeCodes(await loadOrgUnits(database.db), scope.orgCode);
    q = q.where((eb) => eb.or([eb('org_code', 'in', codes), eb('org_code', 'is', null), eb('role', '=', 'system')]));
  }
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const items = page.map((r) => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id === null ? null : Number(r.user_id),
    username: r.username,
    role: r.role,
    orgCode: r.org_code,
    ip: r.ip,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    outcome: r.outcome,
    details: r.details_json ? JSON.parse(r.details_json) : null,
  }));
  const nextCursor = rows.length > query.limit && page.length > 0 ? String(page[page.length - 1]?.id) : null;
  await auditRead(database, scope, {
    action: 'audit.search',
    targetType: 'auditLog',
    outcome: 'success',
    details: { query, count: items.length },
  });
  return { items, nextCursor };
}
