import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect.ts';
import { availableEngines, createTestDatabase } from '../test-db.ts';
import { migrations } from './index.ts';

// Values entered as indicator parameters before the move must reach the policy parameters, nothing lost.
describe.each(await availableEngines())('migration 2026_11_29_1000_dibao_standard_move on %s', (engine) => {
  let database: Database;
  let migrator: Migrator;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo('2026_11_29_0700_indicator_indexes');
    if (down.error) throw down.error;
  });
  afterAll(async () => database.close());

  it('moves the dibao standards entered per year to effective-dated policy parameters, and back', async () => {
    const db = database.db as unknown as Kysely<any>;
    const row = (key: string, year: number, value: number) => ({
      key,
      year,
      value,
      source: `民政局 ${year}`,
      entered_by: 'admin',
      entered_at: '2026-01-02T03:04:05.000Z',
    });
    await db
      .insertInto('indicator_parameter')
      .values([row('dibaoStandard.urban', 2024, 102_000), row('dibaoStandard.rural', 2025, 85_050), row('gdpGrowth', 2025, 0.05)])
      .execute();
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    const moved = await db.selectFrom('policy_parameter_value').selectAll().orderBy('param_id').execute();
    expect(moved.map((r: Record<string, unknown>) => [r.param_id, r.from_day, r.value_json, r.source, r.entered_by])).toEqual([
      ['dibao.standard.rural', '2025-01-01', '85050', '民政局 2025', 'admin'],
      ['dibao.standard.urban', '2024-01-01', '102000', '民政局 2024', 'admin'],
    ]);
    const left = await db.selectFrom('indicator_parameter').select('key').where('key', 'like', 'dibao%').execute();
    expect(left).toEqual([]);
    const back = await migrator.migrateTo('2026_11_29_0700_indicator_indexes');
    expect(back.error).toBeUndefined();
    const restored = await db
      .selectFrom('indicator_parameter')
      .select(['key', 'year', 'value'])
      .where('key', 'like', 'dibao%')
      .orderBy('key')
      .execute();
    expect(restored.map((r: { key: string; year: number; value: number }) => `${r.key}/${r.year}/${Number(r.value)}`)).toEqual([
      'dibaoStandard.rural/2025/85050',
      'dibaoStandard.urban/2024/102000',
    ]);
    expect(await db.selectFrom('policy_parameter_value').selectAll().execute()).toEqual([]);
  });
});
