import { hash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AuditLogTable } from '../../db/access-tables.ts';
import { maskDeep, maskPersonalNumbers } from './mask.ts';
import type { Scope } from './scope.ts';

/** What happened, as a store or route reports it to the audit log. */
export type AuditEvent = {
  action: string;
  targetType?: string;
  targetId?: string | number | null;
  outcome: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
};

/** Who did it: a signed-in user, the command line, or an anonymous caller (failed sign-in). */
export type AuditActor = {
  userId: number | null;
  username: string;
  role: string | null;
  orgCode: string | null;
  ip: string | null;
};

/** An audit row before chaining: everything but id, prev_hash and hash. */
export type AuditEntry = Omit<Insertable<AuditLogTable>, 'id' | 'prev_hash' | 'hash'> & { at: string };

/** The prev_hash of the first entry ever written. */
export const genesisHash = '0'.repeat(64);

/** The actor of a scope. */
export function actorOf(scope: Scope): AuditActor {
  return { userId: scope.userId, username: scope.username, role: scope.role, orgCode: scope.orgCode, ip: scope.ip };
}

/** An instant as stored in the audit log: ISO 8601, UTC, with an explicit +00:00 offset. */
export function auditTime(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}

/** Builds the row for an event: masks personal numbers, bounds lengths, serialises details canonically. */
export function buildEntry(actor: AuditActor, event: AuditEvent, at: Date): AuditEntry {
  const clip = (s: string, n: number) => maskPersonalNumbers(s.replace(/[\r\n\t]/g, ' ')).slice(0, n);
  const details = event.details === undefined ? null : canonicalJson(maskDeep(event.details));
  return {
    at: auditTime(at),
    user_id: actor.userId,
    username: clip(actor.username, 64),
    role: actor.role,
    org_code: actor.orgCode,
    ip: actor.ip ? actor.ip.slice(0, 64) : null,
    action: clip(event.action, 64),
    target_type: event.targetType ? clip(event.targetType, 64) : null,
    target_id: event.targetId === undefined || event.targetId === null ? null : clip(String(event.targetId), 200),
    outcome: event.outcome,
    details_json: details,
  };
}

/** JSON with object keys sorted at every level and no whitespace: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields of a stored row that its hash covers (everything except id, prev_hash and hash). */
export function hashedFields(row: AuditEntry): Record<string, unknown> {
  return {
    action: row.action,
    at: row.at,
    details_json: row.details_json ?? null,
    ip: row.ip ?? null,
    org_code: row.org_code ?? null,
    outcome: row.outcome,
    role: row.role ?? null,
    target_id: row.target_id ?? null,
    target_type: row.target_type ?? null,
    user_id: row.user_id === null || row.user_id === undefined ? null : Number(row.user_id),
    username: row.username,
  };
}

/** hash = sha256(prev_hash + canonical JSON of the entry), hex. */
export function chainHash(prevHash: string, row: AuditEntry): string {
  // One-shot over the concatenation: the same bytes as two updates, at ≈ 0.4 of the cost.
  return hash('sha256', prevHash + hashedJson(row));
}

/**
 * canonicalJson(hashedFields(row)), written out: the keys are fixed and already in sorted order, so the text is
 * built directly instead of through entries, sort and join (a hash per read audit; a test checks equality).
 */
export function hashedJson(row: AuditEntry): string {
  // Rows that break the column types (never written by this code) take the general path, so the text is the same.
  const required = [row.action, row.at, row.outcome, row.username];
  if (!required.every((v) => typeof v === 'string')) return canonicalJson(hashedFields(row));
  const text = (v: unknown) => (v === null || v === undefined ? 'null' : canonicalJson(v));
  const userId = row.user_id === null || row.user_id === undefined ? null : Number(row.user_id);
  return `{"action":${JSON.stringify(row.action)},"at":${JSON.stringify(row.at)},"details_json":${text(row.details_json)},"ip":${text(row.ip)},"org_code":${text(row.org_code)},"outcome":${JSON.stringify(row.outcome)},"role":${text(row.role)},"target_id":${text(row.target_id)},"target_type":${text(row.target_type)},"user_id":${userId !== null && Number.isFinite(userId) ? JSON.stringify(userId) : 'null'},"username":${JSON.stringify(row.username)}}`;
}

/** The audit_log columns an append writes, in insert order. */
export const auditColumns = [
  'at',
  'user_id',
  'username',
  'role',
  'org_code',
  'ip',
  'action',
  'target_type',
  'target_id',
  'outcome',
  'details_json',
  'prev_hash',
  'hash',
] as const;
/** An entry with its place in the chain. */
export type ChainedRow = AuditEntry & { prev_hash: string; hash: string };

/** Chains entries after `prev`: each row gets the previous hash and its own. */
export function chain(prev: string, entries: readonly AuditEntry[]): ChainedRow[] {
  return entries.map((entry) => {
    const hash = chainHash(prev, entry);
    // A literal, not a spread: a spread plus two keys costs ~3 µs per entry here, the literal a tenth of it.
    const row: ChainedRow = {
      at: entry.at,
      user_id: entry.user_id,
      username: entry.username,
      role: entry.role,
      org_code: entry.org_code,
      ip: entry.ip,
      action: entry.action,
      target_type: entry.target_type,
      target_id: entry.target_id,
      outcome: entry.outcome,
      details_json: entry.details_json,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}
