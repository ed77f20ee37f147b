import type { Kysely } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { appendEntries } from './audit-append.ts';
import { AuditBuffer } from './audit-buffer.ts';
import { type AuditActor, type AuditEvent, actorOf, buildEntry } from './audit-entry.ts';
import type { Scope } from './scope.ts';

export type { AuditActor, AuditEvent } from './audit-entry.ts';
export { actorOf } from './audit-entry.ts';

const buffers = new WeakMap<Database, AuditBuffer>();

function bufferOf(database: Database): AuditBuffer {
  let buffer = buffers.get(database);
  if (!buffer) {
    buffer = new AuditBuffer(database);
    buffers.set(database, buffer);
  }
  return buffer;
}

/**
 * Appends an audit entry inside the caller's transaction, so that a change and its audit row commit together
 * (writes, imports, exports). `db` should be a Kysely Transaction; a plain Kysely gets a transaction of its own.
 * On PostgreSQL this takes the audit lock until the caller commits: call it last in the transaction.
 */
export async function recordAudit(db: Kysely<DB>, scope: Scope, event: AuditEvent): Promise<void> {
  await recordAuditAs(db, actorOf(scope), event);
}

/** recordAudit for an actor that has no scope (a failed sign-in); `at` defaults to now. */
export async function recordAuditAs(db: Kysely<DB>, actor: AuditActor, event: AuditEvent, at = new Date()): Promise<void> {
  const entry = buildEntry(actor, event, at);
  if (db.isTransaction) await appendEntries(db, [entry]);
  else await db.transaction().execute((trx) => appendEntries(trx, [entry]));
}

/**
 * Audits a read (a person record viewed, a search, a reveal, a denied attempt). Entries of concurrent requests
 * are group-committed; the promise resolves once this entry is durable and rejects if it could not be written,
 * so the caller can fail closed. Never await it inside a transaction (the batch needs the connection and, on
 * PostgreSQL, the audit lock): inside one, use recordAudit.
 */
export async function auditRead(database: Database, scope: Scope, event: AuditEvent): Promise<void> {
  await auditReadAs(database, actorOf(scope), event);
}

/** auditRead for an actor that has no scope; `at` defaults to now. */
export function auditReadAs(database: Database, actor: AuditActor, event: AuditEvent, at = new Date()): Promise<void> {
  return bufferOf(database).add(buildEntry(actor, event, at));
}

/** Waits until every queued read audit of this database is written (call before closing it). */
export async function flushAudit(database: Database): Promise<void> {
  await buffers.get(database)?.flush();
}
