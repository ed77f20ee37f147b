import { type Database, connect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadRegions } from '../features/org/seed.ts';

/** Exit codes of FORMATS.md §1. */
export const exitCode = { ok: 0, rejected: 1, usage: 2 } as const;

/** A command failure with the exit code to end with and a message for stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exit: number = exitCode.usage,
    readonly json?: unknown,
  ) {
    super(message);
  }
}

/** What every command gets: its arguments, whether to print JSON, and the streams. */
export type CommandContext = {
  args: string[];
  json: boolean;
  /** The one JSON document (with --json) or human text on stdout. */
  print(human: string, document: unknown): void;
  /** Progress and human notes: always stderr. */
  note(text: string): void;
};

/** Opens DATABASE_URL with the schema migrated and the county's regions loaded. */
export async function openDatabase(): Promise<Database> {
  const database = connect();
  await migrateToLatest(database);
  await loadRegions(database);
  return database;
}

/** Runs fn with an open database and closes it afterwards. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
