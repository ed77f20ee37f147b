import { sql } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { appendEntries, auditLockKey, withAuditTransaction } from './audit-append.ts';
import { type AuditActor, auditTime, buildEntry } from './audit-entry.ts';

/** Audit entries are kept at least this long (网络安全法 Art. 21(3); 等保 L3: ≥ 6 months). */
export const auditRetentionDays = 180;

/**
 * Deletes the oldest audit entries, all older than `before`, which must itself be at least 180 days ago
 * (AUDIT_RETENTION otherwise). Only a prefix of the chain is removed, and an `audit.purge` entry records the hash
 * the remaining chain now starts from, so that the verifier still checks every remaining link.
 * The append-only triggers are bypassed in the purge transaction only: on PostgreSQL by
 * `set local smart_dpf.audit_purge = 'on'` (DELETE only), on SQLite by dropping and recreating the DELETE trigger.
 */
export async function purgeAudit(database: Database, actor: AuditActor, before: Date, now = new Date()): Promise<{ deleted: number }> {
  if (now.getTime() - before.getTime() < auditRetentionDays * 86_400_000) throw new AppError('AUDIT_RETENTION');
  const cutoff = auditTime(before);
  return withAuditTransaction(database, async (trx) => {
    if (database.engine === 'postgres') await sql`select pg_advisory_xact_lock(${auditLockKey}::bigint)`.execute(trx);
    // Everything below the first entry that is not old enough: a prefix of the chain, all older than the cutoff.
    const keep = await trx.selectFrom('audit_log').select('id').where('at', '>=', cutoff).orderBy('id').limit(1).executeTakeFirst();
    let last = trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1);
    if (keep) last = last.where('id', '<', keep.id);
    const through = await last.executeTakeFirst();
    if (!through) return { deleted: 0 };
    let deleted: number;
    if (database.engine === 'postgres') {
      await sql`set local smart_dpf.audit_purge = 'on'`.execute(trx);
      deleted = Number((await trx.deleteFrom('audit_log').where('id', '<=', through.id).executeTakeFirst()).numDeletedRows);
      await sql`set local smart_dpf.audit_purge = 'off'`.execute(trx);
    } else {
      await sql`drop trigger audit_log_no_delete`.execute(trx);
      deleted = Number((await trx.deleteFrom('audit_log').where('id', '<=', through.id).executeTakeFirst()).numDeletedRows);
      await sql`create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, 'audit_log is append-only'); end`.execute(trx);
    }
    const details = { before: cutoff, deleted, purgedThroughId: Number(through.id), purgedThroughHash: through.hash };
    await appendEntries(trx, [buildEntry(actor, { action: 'audit.purge', targetType: 'auditLog', outcome: 'success', details }, now)]);
    return { deleted };
  });
}
