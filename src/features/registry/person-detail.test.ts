import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFileColumns, type PersonFileKey } from '../../contracts/person-file.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { flushAudit } from '../access/audit.ts';
import { type Scope, systemScope } from '../access/scope.ts';
import { importRecords } from './import/import-persons.ts';
import { readPersonDetail } from './person-detail-batch.ts';
import { getPerson } from './read-service.ts';
import { addTestVillage, buildPersonRow, testIdNumber } from './test-factory.ts';

// The detail is one precompiled statement with JSON sub-arrays (person-detail-query.ts): check what it returns.
describe.each(await availableEngines())('person detail on %s', (engine) => {
  let database: Database;
  const ids: number[] = [];
  const scopeAt = (orgLevel: Scope['orgLevel'], orgCode: string): Scope => ({ ...systemScope('detail-test'), orgLevel, orgCode });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await addTestVillage(database);
    const present = new Set<PersonFileKey>(personFileColumns.map((c) => c.key));
    // Persons 0 and 2 live in 石角镇, person 1 in 水头镇; all three share a household.
    const records = [0, 1, 2].map((i) => ({ rowNumber: i + 2, record: buildPersonRow(i, { householdNo: 'HH-DETAIL' }) }));
    await importRecords(database, systemScope('test'), { headerProblems: [], present, records }, { asOf: '2026-11-29' });
    for (const i of [0, 1, 2]) {
      const row = await database.db.selectFrom('person').select('id').where('id_number', '=', testIdNumber(i)).executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // Two earlier certificates of person 0, inserted out of order: the detail lists newest first.
    const cert = { person_id: ids[0] as number, category: '肢体', created_at: '2026-01-01T00:00:00Z', issued_on: null, valid_until: null };
    await database.db
      .insertInto('certificate')
      .values([
        {
          ...cert,
          certificate_number: `${testIdNumber(0)}44`,
          level: 4,
          effective_from: '2010-01-01',
          ended_on: '2015-01-01',
          end_reason: 'levelChange',
        },
        {
          ...cert,
          certificate_number: `${testIdNumber(0)}43`,
          level: 3,
          effective_from: '2015-01-01',
          ended_on: '2020-03-15',
          end_reason: 'levelChange',
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await flushAudit(database);
    await database.close();
  });

  it('returns the certificate history newest first, masked', async () => {
    const detail = await getPerson(database, scopeAt('county', '441821'), ids[0] as number);
    expect(detail.certificates?.map((c) => [c.level, c.effectiveFrom, c.endedOn])).toEqual([
      [2, '2020-03-15', null],
      [3, '2015-01-01', '2020-03-15'],
      [4, '2010-01-01', '2015-01-01'],
    ]);
    expect(detail.certificates?.[1]).toMatchObject({ category: '肢体', endReason: 'levelChange', issuedOn: null, validUntil: null });
    for (const c of detail.certificates ?? []) expect(c.certificateNumber).not.toContain(testIdNumber(0).slice(6, 14));
  });

  it('lists household members in id order, only those in the scope', async () => {
    const county = await getPerson(database, scopeAt('county', '441821'), ids[0] as number);
    expect(county.householdNo).toBe('HH-DETAIL');
    expect(county.householdMembers?.map((m) => m.id)).toEqual([ids[1], ids[2]]);
    const town = await getPerson(database, scopeAt('town', '441821100'), ids[0] as number);
    expect(town.householdMembers?.map((m) => m.id)).toEqual([ids[2]]);
    // A city scope is a prefix match on the county code.
    const city = await getPerson(database, scopeAt('city', '441800'), ids[2] as number);
    expect(city.householdMembers?.map((m) => m.id)).toEqual([ids[0], ids[1]]);
  });

  it('answers NOT_FOUND outside the scope and audits the attempt as denied', async () => {
    await expect(getPerson(database, scopeAt('town', '441821100'), ids[1] as number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getPerson(database, scopeAt('city', '441900'), ids[0] as number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await flushAudit(database);
    const denied = await database.db
      .selectFrom('audit_log')
      .select(['target_id', 'outcome'])
      .where('username', '=', 'detail-test')
      .where('outcome', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(denied.map((d) => d.target_id)).toEqual([String(ids[1]), String(ids[0])]);
  });

  it('gives concurrent reads (batched on PostgreSQL) the same answers as reads one at a time', async () => {
    const asks: [Scope, number][] = [
      [scopeAt('county', '441821'), ids[0] as number],
      [scopeAt('county', '441821'), ids[1] as number],
      [scopeAt('county', '441821'), ids[0] as number],
      [scopeAt('town', '441821100'), ids[0] as number],
      [scopeAt('town', '441821100'), ids[2] as number],
      [scopeAt('city', '441800'), ids[2] as number],
      [scopeAt('province', '440000'), ids[1] as number],
    ];
    const alone: unknown[] = [];
    for (const [scope, id] of asks) alone.push(await readPersonDetail(database, scope, id));
    const together = await Promise.all(asks.map(([scope, id]) => readPersonDetail(database, scope, id)));
    expect(together).toEqual(alone);
    expect(alone.every((row) => row !== undefined)).toBe(true);
    // Out of scope, or unknown, in the same batch as persons that are found: undefined.
    const mixed = await Promise.all([
      readPersonDetail(database, scopeAt('town', '441821100'), ids[1] as number),
      readPersonDetail(database, scopeAt('town', '441821100'), ids[2] as number),
      readPersonDetail(database, scopeAt('town', '441821100'), 999_999_999),
    ]);
    expect(mixed.map((row) => row?.id)).toEqual([undefined, ids[2], undefined]);
  });

  // SQLite reads run on the driver directly, but not while a transaction holds Kysely's connection: they would see
  // its uncommitted rows.
  it('does not see the rows of a write transaction still open', async () => {
    const id = ids[0] as number;
    const before = await readPersonDetail(database, scopeAt('county', '441821'), id);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let begun = () => {};
    const started = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const write = database.db.transaction().execute(async (trx) => {
      await trx.updateTable('person').set({ name: '未提交的名字' }).where('id', '=', id).execute();
      begun();
      await held;
      throw new Error('rolled back');
    });
    await started;
    const read = readPersonDetail(database, scopeAt('county', '441821'), id);
    release();
    await expect(write).rejects.toThrow('rolled back');
    expect((await read)?.name).toBe(before?.name);
  });

  // PostgreSQL runs the detail statement with a generic plan, set by SET LOCAL for that transaction only.
  it.runIf(engine === 'postgres')('leaves no connection of the pool planning generically', async () => {
    await Promise.all(ids.map((id) => readPersonDetail(database, scopeAt('county', '441821'), id)));
    const pool = database.pool as NonNullable<Database['pool']>;
    const clients = await Promise.all(Array.from({ length: Math.max(1, pool.totalCount) }, () => pool.connect()));
    try {
      for (const client of clients) expect((await client.query('show plan_cache_mode')).rows[0].plan_cache_mode).toBe('auto');
    } finally {
      for (const client of clients) client.release();
    }
  });
});
