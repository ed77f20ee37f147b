import type { Database } from '../../db/connect.ts';
import { type Scope, type ScopeFilter, scopeFilter } from '../access/scope.ts';
import { type PersonDetailRow, loadPersonDetail, loadPersonDetails, scopeValueOf } from './person-detail-query.ts';

type Waiting = { id: number; resolve: (row: PersonDetailRow | undefined) => void; reject: (e: unknown) => void };
type Group = { f: ScopeFilter | null; scopeValue: string; waiting: Waiting[] };

// Past this many persons a batch is split (the ids travel as one int[] parameter).
const maxBatch = 500;

/**
 * Batches person-detail reads (PostgreSQL): every read asked in the same turn of the event loop with the same scope
 * goes in one statement (`person.id = any($ids)`), so that concurrent requests share a round trip instead of
 * each paying one (a round trip wakes the server process and costs far more than the rows). The statement is the
 * single-person one with the id condition widened, so every row is what that one would return.
 */
export class DetailBatcher {
  private groups = new Map<string, Group>();
  private scheduled = false;

  constructor(private readonly database: Database) {}

  /** The detail row of one person in the scope, or undefined. */
  load(f: ScopeFilter | null, scopeValue: string, id: number): Promise<PersonDetailRow | undefined> {
    return new Promise((resolve, reject) => {
      const key = `${f?.column ?? 'all'}:${f?.prefix === true}:${scopeValue}`;
      let group = this.groups.get(key);
      if (!group) {
        group = { f, scopeValue, waiting: [] };
        this.groups.set(key, group);
      }
      group.waiting.push({ id, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the poll phase: every request read in this turn has asked by then.
        setImmediate(() => this.run());
      }
    });
  }

  private run(): void {
    this.scheduled = false;
    const groups = [...this.groups.values()];
    this.groups.clear();
    for (const group of groups) {
      for (let i = 0; i < group.waiting.length; i += maxBatch) void this.runBatch(group, group.waiting.slice(i, i + maxBatch));
    }
  }

  private async runBatch(group: Group, batch: Waiting[]): Promise<void> {
    try {
      const ids = [...new Set(batch.map((w) => w.id))];
      const rows = await loadPersonDetails(this.database, group.f, group.scopeValue, ids);
      // Each caller gets a row object of its own, as if it had read alone (the first asker takes the original).
      const given = new Set<number>();
      for (const w of batch) {
        const row = rows.get(w.id);
        w.resolve(row && (given.has(w.id) ? { ...row } : row));
        given.add(w.id);
      }
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}

const batchers = new WeakMap<Database, DetailBatcher>();

/**
 * A person's detail row if the person exists and is in the scope, else undefined. On PostgreSQL the reads of
 * concurrent requests share a statement; SQLite answers synchronously in-process, where batching would only wait.
 */
export function readPersonDetail(database: Database, scope: Scope, id: number): Promise<PersonDetailRow | undefined> {
  if (!database.pool) return loadPersonDetail(database, scope, id);
  let batcher = batchers.get(database);
  if (!batcher) {
    batcher = new DetailBatcher(database);
    batchers.set(database, batcher);
  }
  const f = scopeFilter(scope);
  return batcher.load(f, scopeValueOf(f), id);
}
