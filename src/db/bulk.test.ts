import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './connect.ts';
import { withBulkTransaction } from './bulk.ts';
import { availableEngines, createTestDatabase } from './test-db.ts';

describe.each(await availableEngines())('bulk insert on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  const now = '2026-01-01T00:00:00.000Z';
  const row = (name: string) => ({
    name,
    county_code: '441821',
    town_code: '441821100',
    status: 'active' as const,
    created_at: now,
    updated_at: now,
  });

  it('inserts many rows with awkward characters, in one transaction', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `张${i}\t\\ \n"'`);
    await withBulkTransaction(database, async (_trx, bulk) => bulk.insert('person', names.map(row)));
    const rows = await database.db.selectFrom('person').select('name').orderBy('id').execute();
    expect(rows.map((r) => r.name)).toEqual(names);
  });

  it('rolls everything back when the transaction fails', async () => {
    const before = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      withBulkTransaction(database, async (trx, bulk) => {
        await bulk.insert('person', [row('甲'), row('乙')]);
        await trx.insertInto('person').values(row('丙')).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('reports a constraint violation and writes nothing', async () => {
    await expect(
      withBulkTransaction(database, async (_trx, bulk) => bulk.insert('person', [row('丁'), { ...row('戊'), town_code: '000' }])),
    ).rejects.toThrow();
    const found = await database.db.selectFrom('person').select('id').where('name', '=', '丁').execute();
    expect(found).toEqual([]);
  });
});
