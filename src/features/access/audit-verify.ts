import type { Database } from '../../db/connect.ts';
import { chainHash, genesisHash } from './audit-entry.ts';

/** The verifier's answer: the chain is whole, or the first entry where it breaks and why. */
export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; brokenAt: number; reason: string; code: 'EDITED' | 'LINK_BROKEN'; entries: number };

const pageSize = 2000;

/**
 * Recomputes the hash chain of audit_log in id order. An edited row fails its own hash; a deleted, inserted or
 * reordered row fails the link (prev_hash) of the entry after it. After a purge, the first remaining entry must
 * link to the hash recorded by an `audit.purge` entry further down the chain.
 */
export async function verifyAuditChain(database: Database): Promise<AuditVerification> {
  const anchors = await purgeAnchors(database);
  let prev: { id: number; hash: string } | null = null;
  let entries = 0;
  for (;;) {
    let query = database.db.selectFrom('audit_log').selectAll().orderBy('id').limit(pageSize);
    if (prev) query = query.where('id', '>', prev.id);
    const rows = await query.execute();
    for (const row of rows) {
      entries++;
      const id = Number(row.id);
      const linked = prev ? row.prev_hash === prev.hash : isChainStart(row.prev_hash, id, anchors);
      if (!linked) {
        const after = prev ? `第 ${prev.id} 条之后` : '日志开头';
        const reason = `第 ${id} 条记录的前序哈希与${after}的记录不符：其前面的记录被删除、插入或调换了顺序`;
        return { ok: false, brokenAt: id, code: 'LINK_BROKEN', reason, entries };
      }
      if (chainHash(row.prev_hash, row) !== row.hash) {
        return { ok: false, brokenAt: id, code: 'EDITED', reason: `第 ${id} 条记录的内容与其哈希值不符：该记录被修改过`, entries };
      }
      prev = { id, hash: row.hash };
    }
    if (rows.length < pageSize) break;
  }
  return { ok: true, entries, lastHash: prev?.hash ?? genesisHash };
}

function isChainStart(prevHash: string, id: number, anchors: Map<string, number>): boolean {
  const purgedThrough = anchors.get(prevHash);
  return prevHash === genesisHash || (purgedThrough !== undefined && purgedThrough < id);
}

/** The hashes that purges cut the chain at (hash of the last purged entry → its id). */
async function purgeAnchors(database: Database): Promise<Map<string, number>> {
  const rows = await database.db.selectFrom('audit_log').select('details_json').where('action', '=', 'audit.purge').execute();
  const anchors = new Map<string, number>();
  for (const row of rows) {
    const details = row.details_json ? (JSON.parse(row.details_json) as { purgedThroughHash?: string; purgedThroughId?: number }) : {};
    if (details.purgedThroughHash) anchors.set(details.purgedThroughHash, Number(details.purgedThroughId));
  }
  return anchors;
}
