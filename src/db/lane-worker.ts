import { parentPort, workerData } from 'node:worker_threads';
import { connect } from './connect.ts';
import type { LaneMessage, LaneStart } from './lanes.ts';

/**
 * One lane of lanes.ts in a worker thread: opens its own connection to the database, runs the task over its share
 * and posts the task's chunks back, a few hundred items per message (one message per small chunk would cost more
 * than the items).
 */
const flushAt = 500;
const start = workerData as LaneStart;
const port = parentPort;
if (!port) throw new Error('lane-worker runs only as a worker thread');
const post = (m: LaneMessage) => port.postMessage(m);

// Back-pressure: the calling thread reads this lane only after the lanes before it, and acknowledges items as it
// hands them on. Past `start.highWater` unacknowledged items the lane waits, so a long gap list cannot pile up in
// the caller's memory; below it the lane runs ahead at full speed.
let unacknowledged = 0;
let resume: (() => void) | null = null;
port.on('message', (m: { ack: number }) => {
  unacknowledged -= m.ack;
  if (unacknowledged < start.highWater) resume?.();
});

async function send(chunk: unknown[]): Promise<void> {
  post({ chunk });
  unacknowledged += chunk.length;
  if (unacknowledged >= start.highWater) {
    await new Promise<void>((resolve) => {
      resume = resolve;
    });
    resume = null;
  }
}

const database = connect(start.url);
try {
  const module = (await import(start.module)) as Record<string, unknown>;
  const task = module[start.name] as (db: typeof database, args: unknown) => AsyncIterable<unknown[]>;
  let buffer: unknown[] = [];
  for await (const chunk of task(database, start.args)) {
    for (const item of chunk) buffer.push(item);
    if (buffer.length >= flushAt) {
      await send(buffer);
      buffer = [];
    }
  }
  if (buffer.length > 0) await send(buffer);
  post({ done: true });
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  post({ error: { message: error.message, stack: error.stack ?? '', code: (error as { code?: string }).code ?? null } });
} finally {
  await database.close();
  port.close();
}
