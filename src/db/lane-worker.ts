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

const database = connect(start.url);
try {
  const module = (await import(start.module)) as Record<string, unknown>;
  const task = module[start.name] as (db: typeof database, args: unknown) => AsyncIterable<unknown[]>;
  let buffer: unknown[] = [];
  for await (const chunk of task(database, start.args)) {
    for (const item of chunk) buffer.push(item);
    if (buffer.length >= flushAt) {
      post({ chunk: buffer });
      buffer = [];
    }
  }
  if (buffer.length > 0) post({ chunk: buffer });
  post({ done: true });
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  post({ error: { message: error.message, stack: error.stack ?? '', code: (error as { code?: string }).code ?? null } });
} finally {
  await database.close();
}
