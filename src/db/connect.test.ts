import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from './connect.ts';
import { availableEngines, createTestDatabase } from './test-db.ts';

describe.each(await availableEngines())('database on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('migrates and loads the six towns of 佛冈县 with their real codes', async () => {
    const towns = await database.db.selectFrom('org_unit').selectAll().where('parent_code', '=', '441821').orderBy('code').execute();
    expect(towns.map((t) => [t.code, t.name])).toEqual([
      ['441821100', '石角镇'],
      ['441821101', '水头镇'],
      ['441821102', '汤塘镇'],
      ['441821103', '龙山镇'],
      ['441821104', '高岗镇'],
      ['441821107', '迳头镇'],
    ]);
  });

  it('compares names by code point so that a prefix range finds every match', async () => {
    const now = new Date().toISOString();
    const base = { county_code: '441821', town_code: '441821100', status: 'active' as const, created_at: now, updated_at: now };
    for (const name of ['张三', '张', '张三丰', '章', 'Zhang', '弓长']) {
      await database.db
        .insertInto('person')
        .values({ ...base, name })
        .execute();
    }
    const rows = await database.db
      .selectFrom('person')
      .select('name')
      .where('name', '>=', '张')
      .where('name', '<', '张\u{10FFFF}')
      .orderBy('name')
      .execute();
    expect(rows.map((r) => r.name)).toEqual(['张', '张三', '张三丰']);
  });

  it('enforces foreign keys', async () => {
    const now = new Date().toISOString();
    await expect(
      database.db
        .insertInto('person')
        .values({ name: 'x', county_code: '441821', town_code: '999999999', status: 'active', created_at: now, updated_at: now })
        .execute(),
    ).rejects.toThrow();
  });

  it.runIf(engine === 'sqlite')('uses WAL with synchronous=FULL', async () => {
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(database.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
  });
});
