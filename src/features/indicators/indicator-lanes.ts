import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { registerUnitTally } from './unit-tally.ts';

/**
 * The indicator statements in lanes (db/lanes.ts): every lane takes the next statement not yet taken from ONE
 * shared list until none is left, so the lanes stay busy however the statements' costs compare (the income pass
 * and a share of the rates take seconds at a million persons, the counts less). A statement is compiled SQL with
 * its parameters, built in the calling thread (compute.ts); a lane only runs it and hands back its rows.
 */

/** One statement for a lane: compiled SQL, and whether it calls the SQLite unit tally (unit-tally.ts). */
export type LaneStatement = { sql: string; parameters: readonly unknown[]; unitTally: boolean };

/**
 * What every lane is given: the same statements and the same counter of statements taken (a SharedArrayBuffer,
 * shared, not copied, with the worker threads).
 */
export type StatementLaneArgs = { statements: readonly LaneStatement[]; taken: SharedArrayBuffer };

/** A statement's rows, by its index in the list. */
export type StatementRows = { statement: number; rows: unknown[] };

/** A fresh counter of statements taken, for one run. */
export function takenCounter(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** Runs one compiled statement on this thread's connection. */
export async function runStatement(database: Database, statement: LaneStatement): Promise<unknown[]> {
  if (statement.unitTally && database.sqlite) registerUnitTally(database.sqlite);
  const { rows } = await database.db.executeQuery(CompiledQuery.raw(statement.sql, [...statement.parameters]));
  return rows as unknown[];
}

/** The lane task: takes statements from the shared list, one at a time, and yields each one's rows. */
export async function* statementLane(database: Database, args: StatementLaneArgs): AsyncGenerator<StatementRows[]> {
  const taken = new Int32Array(args.taken);
  for (;;) {
    const statement = Atomics.add(taken, 0, 1);
    const next = args.statements[statement];
    if (!next) return;
    yield [{ statement, rows: await runStatement(database, next) }];
  }
}
