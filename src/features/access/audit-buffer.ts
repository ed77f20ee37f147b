import type { Database } from '../../db/connect.ts';
import { commitInOwnTransaction } from './audit-append.ts';
import type { AuditEntry } from './audit-entry.ts';

type Waiting = { entry: AuditEntry; resolve: () => void; reject: (e: unknown) => void };

// One transaction per batch; past this many entries the rest waits for the next batch.
const maxBatch = 2000;

/**
 * Batches whose fsync may be under way at once (SQLite; on PostgreSQL a commit is durable when it returns). One:
 * the next batch gathers while the disk syncs, and commits once it is done. Two measured worse (more, smaller
 * batches: each fsync costs the process ≈ 0.2 ms of CPU and a thread-pool hand-off), see access.md.
 */
const maxSyncing = 1;

/**
 * Group commit for read audits: entries from concurrent requests are appended together in one transaction (one
 * fsync), and each caller's promise resolves once its entry is durable. A batch is committed as soon as the
 * previous one is committed and fewer than maxSyncing batches are being synced, so batches grow with the load and
 * an idle server waits for nothing. The event loop keeps serving while a batch syncs. Batches commit in order
 * (the chain), and a batch's fsync covers every batch committed before it.
 */
export class AuditBuffer {
  private waiting: Waiting[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;
  private readonly syncing = new Set<Promise<void>>();

  constructor(private readonly database: Database) {}

  /** Queues an entry; resolves when it has been committed durably, rejects when its batch failed. */
  add(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything queued so far has been written (or has failed). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.running) await this.running;
      else if (this.syncing.size > 0) await Promise.all(this.syncing);
      else if (this.waiting.length > 0) this.start();
      else return;
    }
  }

  private schedule(): void {
    // A batch in flight, or syncs at the limit: whichever ends first schedules again.
    if (this.running || this.scheduled || this.syncing.size >= maxSyncing) return;
    this.scheduled = true;
    // setImmediate lets every request of this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      if (!this.running && this.waiting.length > 0 && this.syncing.size < maxSyncing) this.start();
    });
  }

  private start(): void {
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.waiting.length > 0) this.schedule();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0 && this.syncing.size < maxSyncing) {
      const batch = this.waiting.splice(0, maxBatch);
      const fail = (e: unknown) => {
        for (const w of batch) w.reject(e);
      };
      try {
        const { durable } = await commitInOwnTransaction(
          this.database,
          batch.map((w) => w.entry),
        );
        const synced: Promise<void> = durable
          .then(() => {
            for (const w of batch) w.resolve();
          }, fail)
          .finally(() => {
            this.syncing.delete(synced);
            if (this.waiting.length > 0) this.schedule();
          });
        this.syncing.add(synced);
      } catch (e) {
        fail(e);
      }
    }
  }
}
