import fs from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';
import { type AuditEntry, auditColumns, chain, genesisHash } from './audit-entry.ts';

/** The read-audit group commit of one SQLite connection. */
export type SqliteGroupCommit = {
  /** Commits the entries, chained to the last one, in one BEGIN IMMEDIATE transaction. Synchronous. */
  commit(entries: readonly AuditEntry[]): void;
  /** Resolves once everything committed so far is on disk; nobody may be told of an entry before. */
  durable(): Promise<void>;
};

const commits = new WeakMap<SqliteDatabase.Database, SqliteGroupCommit>();

/**
 * better-sqlite3 is synchronous: with synchronous=FULL the commit's fsync (≈ 3 ms on this disk) stops the whole
 * server, so that no request is parsed, queried or answered meanwhile. In WAL mode the batch therefore commits with
 * synchronous=NORMAL (its frames are written to the WAL but not synced; the setting is put back at once, so every
 * other transaction still syncs at its own commit), and durable() fsyncs the WAL file on libuv's thread pool: for
 * these entries the same disk guarantee as FULL, without blocking the event loop.
 * - A crash before that fsync loses only entries nobody was told of, and only a suffix of the chain: WAL
 *   recovery stops at the first frame that is not intact.
 * - A checkpoint meanwhile syncs the WAL before copying it (NORMAL does too), and a later FULL commit syncs these
 *   frames with its own.
 * - After a failed fsync the kernel may have dropped the pages and a new descriptor would not see the error
 *   again, so every later commit fails (fail closed) until the server is restarted.
 * Other journal modes (':memory:') commit with the connection's own setting and are durable when committed.
 */
export function sqliteGroupCommit(sqlite: SqliteDatabase.Database): SqliteGroupCommit {
  let found = commits.get(sqlite);
  if (!found) {
    found = create(sqlite);
    commits.set(sqlite, found);
  }
  return found;
}

function create(sqlite: SqliteDatabase.Database): SqliteGroupCommit {
  const last = sqlite.prepare<[], { hash: string }>('select hash from audit_log order by id desc limit 1');
  const insert = sqlite.prepare(`insert into audit_log (${auditColumns.join(', ')}) values (${auditColumns.map(() => '?').join(', ')})`);
  const append = sqlite.transaction((batch: readonly AuditEntry[]) => {
    for (const row of chain(last.get()?.hash ?? genesisHash, batch)) insert.run(auditColumns.map((c) => row[c] ?? null));
  }).immediate;
  const wal = walToSync(sqlite);
  if (!wal) return { commit: (entries) => append(entries), durable: () => Promise.resolve() };
  const deferSync = sqlite.prepare('pragma synchronous = normal');
  const restore = sqlite.prepare(`pragma synchronous = ${wal.level}`);
  let failed: Error | undefined;
  return {
    commit(entries) {
      if (failed) throw new Error('an earlier fsync of the audit log failed: restart the server', { cause: failed });
      deferSync.run();
      try {
        append(entries);
      } finally {
        restore.run();
      }
    },
    durable: () =>
      fsyncFile(wal.file).catch((e: Error) => {
        failed ??= e;
        throw e;
      }),
  };
}

/** The WAL file to fsync after a commit, and the synchronous level to put back; null unless WAL with FULL or EXTRA. */
function walToSync(sqlite: SqliteDatabase.Database): { file: string; level: number } | null {
  const level = Number(sqlite.pragma('synchronous', { simple: true }));
  const main = (sqlite.pragma('database_list') as { name: string; file: string }[]).find((d) => d.name === 'main')?.file;
  if (String(sqlite.pragma('journal_mode', { simple: true })) !== 'wal' || level < 2 || !main) return null;
  return { file: `${main}-wal`, level };
}

/**
 * fsync on libuv's thread pool. It syncs the file, whichever descriptor wrote its data; a fresh descriptor each
 * time, so that nothing stays open once the database is closed.
 */
function fsyncFile(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.open(file, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      fs.fsync(fd, (syncError) => fs.close(fd, (closeError) => (syncError || closeError ? reject(syncError ?? closeError) : resolve())));
    });
  });
}
