import { createHash } from 'node:crypto';
import type { Database } from '../../db/connect.ts';
import type { IndicatorDefinition } from '../../domain/indicators/definition.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { computeIndicatorRows, computeIndicators, type IndicatorTallies, rollUpAll } from './compute.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { indicatorSql, type OtherMeasure } from './measure-sql.ts';
import { personSpan } from '../../db/lanes.ts';
import { logBlockSize, snapshotBlockSize, toBlockSize } from './blocks-sql.ts';
import { inEvaluatedUnit, inOrgUnit } from './population-sql.ts';
import { type RateMeasure, ratesQuery } from './rates-sql.ts';
import {
  changedBlocks,
  findSnapshot,
  insertSnapshot,
  lastChange,
  readSnapshot,
  relevantBlocks,
  replaceBlocks,
  rowsByBlock,
  storedBlocks,
  type SnapshotHead,
  touchSnapshot,
} from './snapshot-store.ts';

// The dashboard's indicators from stored results per block of households (ADR 0004): the statements of compute.ts
// grouped by block as well, stored once per org unit and set of statements, and on every read first refreshed for
// the blocks whose records changed since (the triggers' log). A read after a day's edits recomputes a few blocks
// instead of every person; the figures are always those of the records as they are (tested against the live
// computation after changes to every table). The gap lists stay live.

/** Whether the dashboard reads stored results; SMART_DPF_INDICATOR_SNAPSHOTS=0 computes every read live. */
export function snapshotsEnabled(): boolean {
  return process.env.SMART_DPF_INDICATOR_SNAPSHOTS !== '0';
}

/** What the last read of this process did, for the bench and the tests: built whole, or how many blocks refreshed. */
export type SnapshotRead = { built: boolean; refreshedBlocks: number };

let lastRead: SnapshotRead | null = null;

/** What the last read did (see SnapshotRead). */
export function lastSnapshotRead(): SnapshotRead | null {
  return lastRead;
}

/**
 * Who reads: a user (the API, the CLI), which marks the snapshot used (kept while used, and refreshed by the warmer
 * for a week), or the warmer (snapshot-warmer.ts), which does not.
 */
export type Reader = 'user' | 'warmer';

/** How long a user's read waits for writers to let go of the change log (PostgreSQL) before it computes live. */
const userLockWaitMs = 3000;

/** The warmer's read gave way to a writer holding the change log's lock (PostgreSQL): it tries again later. */
export class SnapshotsBusy extends Error {
  constructor() {
    super('a writer holds the indicator change log');
  }
}

/** Reads refreshed at once on a connection, by org unit and statements: one refresh serves them all. */
const inFlight = new WeakMap<Database['db'], Map<string, Promise<IndicatorTallies>>>();

/**
 * Every indicator of the org unit, its towns and its villages, as computeIndicators gives them, from the stored
 * snapshot refreshed first. A reader that joins a read in flight shares it, whoever started it.
 */
export async function storedIndicators(
  database: Database,
  ctx: EvalContext,
  org: OrgFilter,
  reader: Reader = 'user',
): Promise<IndicatorTallies> {
  if (!snapshotsEnabled()) return computeIndicators(database, ctx, org);
  const hash = statementsHash(database, ctx, org, indicatorDefinitions);
  // The warmer's reads give way to writers (SnapshotsBusy): a user's read never waits on one of them.
  const key = `${reader} ${org.code} ${hash}`;
  const reads = inFlight.get(database.db) ?? new Map<string, Promise<IndicatorTallies>>();
  inFlight.set(database.db, reads);
  const running = reads.get(key);
  if (running) return running;
  const fresh = readFresh(database, ctx, org, hash, reader).finally(() => reads.delete(key));
  reads.set(key, fresh);
  return fresh;
}

/**
 * Raise when what turns the statements' results into stored rows changes outside the SQL (unit-tally.ts, the lanes'
 * merge, snapshot-totals.ts): snapshots stored before are then not read again.
 */
const storedRowsVersion = 2;

/**
 * A hash of everything the figures depend on but the records: the org unit, the definitions and the compiled SQL of
 * every statement with its parameters (the date, the year, the indicator and benefit parameters), and
 * storedRowsVersion. Any change to them is another snapshot.
 */
export function statementsHash(database: Database, outer: EvalContext, org: OrgFilter, defs: readonly IndicatorDefinition[]): string {
  // The size of the blocks is the snapshot's own (stored with it): any one compiles the same statements here.
  const ctx: EvalContext = { ...outer, blockSize: logBlockSize, narrowTo: undefined, blocks: undefined, facts: undefined };
  const rates = defs.filter((d) => d.measure.type === 'rate').map((d) => d.measure as RateMeasure);
  const statements = [
    ratesQuery(rates, ctx, org, 'groupBy').query,
    ...defs.filter((d) => d.measure.type !== 'rate').map((d) => indicatorSql(d.measure as OtherMeasure, ctx, org)),
  ].map((q) => q.compile(database.db));
  const text = JSON.stringify([storedRowsVersion, org, defs.map((d) => d.key), statements.map((s) => [s.sql, s.parameters])]);
  return createHash('sha256').update(text).digest('hex');
}

async function readFresh(database: Database, ctx: EvalContext, org: OrgFilter, hash: string, reader: Reader): Promise<IndicatorTallies> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const upTo = await lastChange(database, reader === 'user' ? userLockWaitMs : 0);
    if (upTo === null && reader === 'warmer') throw new SnapshotsBusy();
    // Writers kept the log for longer than a user waits (a long import): the live figures of what they committed.
    if (upTo === null) return computeIndicators(database, ctx, org);
    const found = await findSnapshot(database.db, org.code, hash);
    const id = found ? await refresh(database, ctx, org, found, upTo, reader) : await build(database, ctx, org, hash, upTo);
    if (id === null) continue; // another reader refreshed or built it meanwhile: start again from its state
    const rows = await readSnapshot(database.db, id);
    if (reader === 'user') await markUsed(database, id, found, upTo);
    return rollUpAll(indicatorDefinitions, rows, org);
  }
  // Readers kept overtaking each other: the live figures are the same ones.
  return computeIndicators(database, ctx, org);
}

/**
 * Computes every block and stores the snapshot; its id, or null when another reader stored it first. Its blocks'
 * size follows the persons of its unit (snapshotBlockSize).
 */
async function build(database: Database, ctx: EvalContext, org: OrgFilter, hash: string, upTo: number): Promise<number | null> {
  const blockSize = snapshotBlockSize((await personSpan(database, inOrgUnit(org)))?.persons ?? 0);
  const blocks = rowsByBlock(await computeIndicatorRows(database, { ...ctx, blockSize }, org));
  try {
    const id = await insertSnapshot(database, { org: org.code, hash, year: ctx.year, asOf: ctx.asOf, appliedSeq: upTo, blockSize }, blocks);
    lastRead = { built: true, refreshedBlocks: blocks.size };
    return id;
  } catch (error) {
    if (await findSnapshot(database.db, org.code, hash)) return null;
    throw error;
  }
}

/**
 * Beyond this many changed blocks of the snapshot's (~70,000 persons of blocks of 1024 households, ~5,000–10,000 of
 * 64), or half of the snapshot's, a refresh recomputes every block in one run: restricting the statements to so many
 * blocks costs more than reading the tables whole (after a large import, say).
 */
const maxRefreshedBlocks = 64;

/** Beyond this many changed blocks the refresh does not sort out those of the unit (relevantBlocks): it recomputes all. */
const maxSortedBlocks = 1000;

/**
 * The snapshot's blocks holding the log's blocks since its last refresh that can change its figures (all of them,
 * when very many).
 */
async function staleBlocks(database: Database, ctx: EvalContext, org: OrgFilter, snapshot: SnapshotHead, upTo: number): Promise<number[]> {
  if (snapshot.appliedSeq >= upTo) return [];
  const changed = toBlockSize(await changedBlocks(database.db, snapshot.appliedSeq, upTo), snapshot.blockSize);
  if (changed.length === 0 || changed.length > maxSortedBlocks) return changed;
  const inUnit = inEvaluatedUnit({ ...ctx, blockSize: snapshot.blockSize, blocks: changed }, org);
  return relevantBlocks(database.db, snapshot, changed, inUnit);
}

/** Recomputes the blocks logged since the snapshot's last refresh; its id, or null when another reader moved it. */
async function refresh(
  database: Database,
  ctx: EvalContext,
  org: OrgFilter,
  snapshot: SnapshotHead,
  upTo: number,
  reader: Reader,
): Promise<number | null> {
  const stale = await staleBlocks(database, ctx, org, snapshot, upTo);
  const whole =
    stale.length > maxRefreshedBlocks || (stale.length > 0 && stale.length * 2 > (await storedBlocks(database.db, snapshot.id)));
  const blocks =
    stale.length === 0
      ? new Map()
      : rowsByBlock(
          await computeIndicatorRows(database, { ...ctx, blockSize: snapshot.blockSize, ...(whole ? {} : { blocks: stale }) }, org),
        );
  if (snapshot.appliedSeq < upTo && !(await replaceBlocks(database, snapshot, upTo, whole ? 'all' : stale, blocks, reader === 'user')))
    return null;
  lastRead = { built: false, refreshedBlocks: stale.length };
  return snapshot.id;
}

/** Marks a snapshot read unchanged used, at most hourly (a write marks it, and prunes: snapshot-store.ts). */
async function markUsed(database: Database, id: number, found: SnapshotHead | null, upTo: number): Promise<void> {
  if (found && found.appliedSeq >= upTo && Date.now() - Date.parse(found.usedAt) > 3600 * 1000) await touchSnapshot(database.db, id);
}
