import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/test-db.ts';
import { auditRead, flushAudit, recordAudit } from './audit.ts';
import { buildEntry } from './audit-entry.ts';
import { sqliteGroupCommit } from './audit-sqlite-commit.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { systemScope } from './scope.ts';

const actor = { userId: null, username: 'tester', role: null, orgCode: null, ip: null };
const entry = (i: number) =>
  buildEntry(actor, { action: 'person.read', targetType: 'person', targetId: i, outcome: 'success' }, new Date());

describe('SQLite read-audit group commit', () => {
  let database: Database;
  let sqlite: SqliteDatabase.Database;
  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    sqlite = database.sqlite as SqliteDatabase.Database;
  });
  afterEach(async () => {
    await flushAudit(database).catch(() => {});
    await database.close();
  });

  it('commits without syncing, puts synchronous=FULL back at once, and is durable once durable() resolves', async () => {
    const group = sqliteGroupCommit(sqlite);
    group.commit([entry(1), entry(2)]);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await group.durable();
    // Another connection (another process would do the same) reads the committed, chained entries.
    const other = new SqliteDatabase(sqlite.name, { readonly: true });
    try {
      expect(other.prepare('select count(*) as n from audit_log').get()).toEqual({ n: 2 });
    } finally {
      other.close();
    }
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps one valid chain when read audits, write transactions and fsyncs overlap', async () => {
    const scope = systemScope('tester');
    const reads = Array.from({ length: 200 }, (_, i) =>
      auditRead(database, scope, { action: 'person.read', targetType: 'person', targetId: i, outcome: 'success' }),
    );
    const writes = Array.from({ length: 20 }, (_, i) =>
      database.db.transaction().execute((trx) => recordAudit(trx, scope, { action: 'person.update', targetId: i, outcome: 'success' })),
    );
    await Promise.all([...reads, ...writes]);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, entries: 220 });
  });

  it('fails every later commit (fail closed) once an fsync has failed', async () => {
    const group = sqliteGroupCommit(sqlite);
    group.commit([entry(1)]);
    await group.durable();
    // Losing the WAL file under the connection makes the next fsync fail (the file can no longer be opened).
    fs.rmSync(`${sqlite.name}-wal`);
    group.commit([entry(2)]);
    await expect(group.durable()).rejects.toThrow();
    expect(() => group.commit([entry(3)])).toThrow(/fsync of the audit log failed/);
    await expect(auditRead(database, systemScope('tester'), { action: 'person.read', outcome: 'success' })).rejects.toThrow();
  });
});
