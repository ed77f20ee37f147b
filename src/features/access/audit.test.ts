import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, connect } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { auditRead, flushAudit, recordAudit } from './audit.ts';
import { type AuditEntry, buildEntry, canonicalJson, hashedFields, hashedJson } from './audit-entry.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { systemScope } from './scope.ts';

/** Lets a test edit audit_log behind the app's back, as an attacker with database access would. */
async function withoutGuards(database: Database, fn: () => Promise<unknown>): Promise<void> {
  if (database.engine === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(database.db);
    await sql`drop trigger audit_log_no_delete`.execute(database.db);
    await fn();
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'append-only'); end`.execute(
      database.db,
    );
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'append-only'); end`.execute(
      database.db,
    );
  } else {
    await sql`alter table audit_log disable trigger user`.execute(database.db);
    await fn();
    await sql`alter table audit_log enable trigger user`.execute(database.db);
  }
}

describe.each(await availableEngines())('audit log on %s', (engine) => {
  let database: Database;
  const scope = { ...systemScope('tester'), ip: '10.0.0.1' };
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await flushAudit(database);
    await database.close();
  });

  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('commits a write audit with the caller transaction, and rolls it back with it', async () => {
    await database.db
      .transaction()
      .execute((trx) => recordAudit(trx, scope, { action: 'person.create', targetType: 'person', targetId: 1, outcome: 'success' }));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, scope, { action: 'person.update', targetType: 'person', targetId: 1, outcome: 'success' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(1);
  });

  it('lands every concurrent read audit with a valid chain, time with offset, and no full ID or phone numbers', async () => {
    const before = await count();
    const reads = Array.from({ length: 300 }, (_, i) =>
      auditRead(database, scope, {
        action: 'person.read',
        targetType: 'person',
        targetId: i,
        outcome: 'success',
        details: { q: '44182119800101123X 13812345678' },
      }),
    );
    const writes = Array.from({ length: 20 }, (_, i) =>
      database.db.transaction().execute((trx) => recordAudit(trx, scope, { action: 'person.update', targetId: i, outcome: 'success' })),
    );
    await Promise.all([...reads, ...writes]);
    expect(await count()).toBe(before + 320);
    const row = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.read')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(row.details_json).toBe('{"q":"441821********123X 138****5678"}');
    expect(row).toMatchObject({ username: 'tester', ip: '10.0.0.1', outcome: 'success', target_type: 'person' });
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, entries: before + 320 });
  });

  it.runIf(engine === 'postgres')('keeps one chain with writers on separate pools (separate processes)', async () => {
    const other = connect(database.label);
    try {
      const writers = [database, other].flatMap((d) =>
        Array.from({ length: 50 }, (_, i) => [
          auditRead(d, scope, { action: 'person.read', targetId: i, outcome: 'success' }),
          d.db.transaction().execute((trx) => recordAudit(trx, scope, { action: 'person.update', targetId: i, outcome: 'success' })),
        ]).flat(),
      );
      await Promise.all(writers);
      expect((await verifyAuditChain(database)).ok).toBe(true);
    } finally {
      await flushAudit(other);
      await other.close();
    }
  });

  it('stores quotes, backslashes and other text exactly, chained, read after read (the one-message commit on PostgreSQL)', async () => {
    const tricky = [
      "O'Brien",
      "back\\slash \\' quote",
      "'); drop table audit_log; --",
      "中文 $1 $$ E'x'",
      '',
      'NULL',
      '{a,"b"}, c',
      'say "hi" \\"',
    ];
    for (const q of tricky) await auditRead(database, scope, { action: 'person.search', outcome: 'success', details: { q } });
    // A write in between: the next read batch must notice that the chain moved on.
    await database.db.transaction().execute((trx) => recordAudit(trx, scope, { action: 'person.update', targetId: 7, outcome: 'success' }));
    await auditRead(database, scope, { action: 'person.search', outcome: 'success', details: { q: 'after' } });
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['details_json', 'user_id'])
      .where('action', '=', 'person.search')
      .orderBy('id', 'desc')
      .limit(tricky.length + 1)
      .execute();
    expect(rows.reverse().map((r) => JSON.parse(r.details_json as string).q)).toEqual([...tricky, 'after']);
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true });
  });

  it('refuses UPDATE and DELETE through ordinary SQL', async () => {
    await expect(sql`update audit_log set action = 'x' where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first broken entry after an edit, a deletion, or a swap', async () => {
    const ids = (await database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    const [a, b, c] = [ids[10], ids[20], ids[30]] as number[];
    await withoutGuards(database, () => sql`update audit_log set username = 'mallory' where id = ${a}`.execute(database.db));
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAt: a, code: 'EDITED' });
    await withoutGuards(database, () => sql`update audit_log set username = 'tester' where id = ${a}`.execute(database.db));
    expect((await verifyAuditChain(database)).ok).toBe(true);

    const [x, y] = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', 'in', [ids[40] as number, ids[41] as number])
      .orderBy('id')
      .execute();
    if (!x || !y) throw new Error('rows missing');
    const swap = (from: typeof x, to: typeof x) =>
      database.db
        .updateTable('audit_log')
        .set({ ...from, id: to.id })
        .where('id', '=', to.id)
        .execute();
    await withoutGuards(database, async () => {
      await swap(y, x);
      await swap(x, y);
    });
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAt: x.id, code: 'LINK_BROKEN' });
    await withoutGuards(database, async () => {
      await swap(x, x);
      await swap(y, y);
    });
    expect((await verifyAuditChain(database)).ok).toBe(true);

    await withoutGuards(database, () => sql`delete from audit_log where id = ${b}`.execute(database.db));
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAt: ids[21], code: 'LINK_BROKEN' });
    await withoutGuards(database, () => sql`delete from audit_log where id < ${c}`.execute(database.db));
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAt: c, code: 'LINK_BROKEN' });
  });
});

describe('audit entry hash text', () => {
  it('is canonicalJson(hashedFields(row)) for every kind of value', () => {
    const base = buildEntry(
      { userId: 7, username: 'alice', role: 'countyStaff', orgCode: '441821', ip: '10.0.0.1' },
      { action: 'person.read', targetType: 'person', targetId: 42, outcome: 'success', details: { q: 'x' } },
      new Date('2026-11-29T08:00:00Z'),
    );
    const variants: AuditEntry[] = [
      base,
      { ...base, user_id: null, role: null, org_code: null, ip: null, target_type: null, target_id: null, details_json: null },
      { ...base, username: 'quote " back\\slash \u2028 中文 \u0001', details_json: '{"a":[1,2,{"b":null}]}' },
      { ...base, user_id: '12' as unknown as number, target_id: '' },
      { ...base, user_id: undefined, ip: undefined },
      { ...base, user_id: Number.NaN },
      { ...base, action: undefined as unknown as string },
    ];
    for (const row of variants) expect(hashedJson(row)).toBe(canonicalJson(hashedFields(row)));
  });
});
