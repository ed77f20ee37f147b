import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Expression, SqlBool } from 'kysely';
import type { Database } from './connect.ts';

/**
 * Lanes: one long read (every person's eligibility, say) split into shares that run at once, the first in this
 * thread and each other in a worker thread with a connection of its own. Node runs JavaScript on one core; the
 * rules and the row decoding of a million persons are CPU work, so a second core halves the wall time.
 */

/**
 * A lane's work: an exported async generator function `(database, args) => AsyncIterable<R[]>`, named by module URL
 * and export name so that a worker can import it, and given as `run` for the lane in this thread.
 */
export type LaneTask<A, R> = { module: string; name: string; run: (database: Database, args: A) => AsyncIterable<R[]> };

/** What a worker is started with (lane-worker.ts); highWater: items it may send ahead of the caller's reading. */
export type LaneStart = { url: string; module: string; name: string; args: unknown; highWater: number };

/**
 * Items a worker lane may send before the caller reads them (it reads a lane only after the ones before it). Gap
 * items are about 2 KB each with their reasons: at most some 200 MB wait; the bench's tallies (one per ten persons)
 * never reach it. SMART_DPF_LANE_HIGH_WATER overrides (tests set it low).
 */
function highWater(): number {
  return Number(process.env.SMART_DPF_LANE_HIGH_WATER ?? 100_000);
}

/** What a worker posts: a chunk of results, the end, or the error that stopped it. */
export type LaneMessage = { chunk: unknown[] } | { done: true } | { error: { message: string; stack: string; code: string | null } };

/**
 * How many lanes a long read may use: one per core (SMART_DPF_LANES overrides; 1 turns lanes off), and one only
 * where no second connection can reach the same data (an in-memory SQLite database).
 */
export function laneCount(database: Database): number {
  if (database.engine === 'sqlite' && database.url === ':memory:') return 1;
  const wanted = Number(process.env.SMART_DPF_LANES ?? os.availableParallelism());
  return Number.isInteger(wanted) && wanted > 1 ? Math.min(wanted, 8) : 1;
}

/**
 * A lane allocates some 20 KB per person that dies young (rows, facts, decisions with their reasons): a larger young
 * generation than V8's default means fewer scavenges (a worker lane over 500,000 persons: 8.2–8.4 s with 16 MB,
 * 7.6–7.8 s with 128 MB).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 128 };

/** A range of person ids, both ends included. */
export type IdRange = { from: number; to: number };

/** The persons a long read covers: how many, and the first and last id. */
export type PersonSpan = IdRange & { persons: number };

/**
 * How many persons meet `where` (the run's scope, org unit or filter), and their first and last id; null when none.
 * Lanes split a run only when it covers many persons (a town's run in a province-wide database stays in one
 * thread), and then by id.
 */
export async function personSpan(database: Database, where: Expression<SqlBool>): Promise<PersonSpan | null> {
  const row = await database.db
    .selectFrom('person')
    .select((eb) => [eb.fn.countAll<number>().as('persons'), eb.fn.min<number>('id').as('lo'), eb.fn.max<number>('id').as('hi')])
    .where(where)
    .executeTakeFirst();
  if (!row || row.lo === null || row.hi === null || Number(row.persons) === 0) return null;
  return { persons: Number(row.persons), from: Number(row.lo), to: Number(row.hi) };
}

/** `span` cut into `parts` consecutive ranges of (nearly) equal width, in order. */
export function idRanges(span: IdRange, parts: number): IdRange[] {
  const step = Math.ceil((span.to - span.from + 1) / parts);
  const out: IdRange[] = [];
  for (let from = span.from; from <= span.to; from += step) out.push({ from, to: Math.min(span.to, from + step - 1) });
  return out;
}

/** A worker lane: its chunks in order as an async iterable, and a way to stop it early. */
type WorkerLane<R> = { chunks: () => AsyncGenerator<R[]>; stop: () => Promise<void> };

function startWorkerLane<R>(start: LaneStart): WorkerLane<R> {
  const worker = new Worker(new URL('./lane-boot.js', import.meta.url), { workerData: start, resourceLimits });
  const queue: LaneMessage[] = [];
  let wake: (() => void) | null = null;
  let exited = false;
  const push = (m: LaneMessage) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: LaneMessage) => push(m));
  worker.on('error', (e: Error) => push({ error: { message: e.message, stack: e.stack ?? '', code: null } }));
  worker.on('exit', (code) => {
    exited = true;
    push({ error: { message: `lane worker exited (code ${code}) before it finished`, stack: '', code: null } });
  });
  async function* chunks(): AsyncGenerator<R[]> {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      if ('done' in m) return;
      if ('error' in m) throw Object.assign(new Error(m.error.message), { code: m.error.code ?? undefined, laneStack: m.error.stack });
      worker.postMessage({ ack: m.chunk.length });
      yield m.chunk as R[];
    }
  }
  return {
    chunks,
    stop: async () => {
      if (!exited) await worker.terminate();
    },
  };
}

/**
 * Runs `task` once per element of `args`: the first in this thread, the others in worker threads, all at once.
 * Yields the first lane's chunks as they come, then each other lane's in lane order (what a worker sends meanwhile
 * waits in its queue): with lanes over consecutive id ranges, the results come in id order.
 */
export async function* runLanes<A, R>(database: Database, task: LaneTask<A, R>, args: readonly A[]): AsyncGenerator<R[]> {
  const start = { url: database.url, module: task.module, name: task.name, highWater: highWater() };
  const others = args.slice(1).map((a) => startWorkerLane<R>({ ...start, args: a }));
  try {
    for await (const chunk of task.run(database, args[0] as A)) yield chunk;
    for (const lane of others) for await (const chunk of lane.chunks()) yield chunk;
  } finally {
    await Promise.all(others.map((lane) => lane.stop()));
  }
}
