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
  const personColumns = Object.keys(row('')) as (keyof ReturnType<typeof row>)[];

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

  it('inserts rows from a lazy iterable, and fails as a whole when a row far into the stream breaks a constraint', async () => {
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('person')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    // 20,000 rows is several 64 KB COPY writes, so the server refuses the bad row while more are still being sent.
    const rows = function* (bad: number) {
      for (let i = 0; i < 20_000; i += 1) yield Object.values(i === bad ? { ...row(`流${i}`), name: null } : row(`流${i}`));
    };
    const failing = withBulkTransaction(database, async (_trx, bulk) => bulk.insertRows('person', personColumns, rows(12_345)));
    await expect(failing).rejects.toThrow();
    expect(await count()).toBe(before);
    await withBulkTransaction(database, async (_trx, bulk) => bulk.insertRows('person', personColumns, rows(-1)));
    expect(await count()).toBe(before + 20_000);
  });

  it('reserves ids above every stored one, unique across calls', async () => {
    const stored = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const [first, second] = await withBulkTransaction(database, async (_trx, bulk) => {
      const a = await bulk.reserveIds('person', 3);
      await bulk.insertRows(
        'person',
        ['id', ...personColumns],
        a.map((id) => [id, ...Object.values(row(`号${id}`))]),
      );
      return [a, await bulk.reserveIds('person', 2)];
    });
    expect(Math.min(...(first ?? []))).toBeGreaterThan(Number(stored.id));
    expect(new Set([...(first ?? []), ...(second ?? [])]).size).toBe(5);
    expect(Math.min(...(second ?? []))).toBeGreaterThan(Math.max(...(first ?? [])));
  });

  it('defers indexes only on an empty table, and refuses rows that break a key when they come back', async () => {
    const fresh = await createTestDatabase(engine);
    try {
      const attempt = withBulkTransaction(fresh, async (_trx, bulk) => {
        const restore = await bulk.deferIndexes('person');
        await bulk.insertRows('person', personColumns, [Object.values(row('甲')), Object.values({ ...row('乙'), town_code: '000' })]);
        await restore();
      });
      await expect(attempt).rejects.toThrow();
      const restored = await withBulkTransaction(fresh, async (_trx, bulk) => {
        const restore = await bulk.deferIndexes('person');
        await bulk.insertRows('person', personColumns, [Object.values(row('丙'))]);
        await restore();
        return bulk.deferIndexes('person');
      });
      await restored();
      const names = await fresh.db.selectFrom('person').select('name').execute();
      expect(names.map((n) => n.name)).toEqual(['丙']);
    } finally {
      await fresh.close();
    }
  });
});
