import type { Database } from '../../db/connect.ts';
import { appendInOwnTransaction } from './audit-append.ts';
import type { AuditEntry } from './audit-entry.ts';

type Waiting = { entry: AuditEntry; resolve: () => void; reject: (e: unknown) => void };

// One transaction per batch; past this many entries the rest waits for the next batch.
const maxBatch = 2000;

/**
 * Group commit for read audits: entries from concurrent requests are appended together in one transaction (one
 * fsync), and each caller's promise resolves once its entry is durable. A batch starts as soon as the previous one
 * is done, so batches grow with the load and an idle server waits for nothing.
 */
export class AuditBuffer {
  private waiting: Waiting[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly database: Database) {}

  /** Queues an entry; resolves when it has been committed, rejects when its batch failed. */
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
      else if (this.waiting.length > 0) this.start();
      else return;
    }
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // setImmediate lets every request of this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      if (!this.running && this.waiting.length > 0) this.start();
    });
  }

  private start(): void {
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.waiting.length > 0) this.schedule();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, maxBatch);
      try {
        await appendInOwnTransaction(
          this.database,
          batch.map((w) => w.entry),
        );
        for (const w of batch) w.resolve();
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
  }
}
