import type { Kysely } from 'kysely';

// Values known when this migration was written, each with its source. Unknown years are left out on purpose:
// an administrator enters them (PUT /api/v1/indicators/parameters/{key}/{year}); nothing here is invented.
const seed: { key: string; year: number; value: number; source: string }[] = [
  { key: 'gdpGrowth', year: 2020, value: 0.023, source: '国家统计局《2020年国民经济和社会发展统计公报》：国内生产总值比上年增长2.3%' },
  { key: 'gdpGrowth', year: 2021, value: 0.081, source: '国家统计局《2021年国民经济和社会发展统计公报》：比上年增长8.1%' },
  { key: 'gdpGrowth', year: 2022, value: 0.03, source: '国家统计局《2022年国民经济和社会发展统计公报》：比上年增长3.0%' },
  { key: 'gdpGrowth', year: 2023, value: 0.052, source: '国家统计局《2023年国民经济和社会发展统计公报》：比上年增长5.2%' },
  { key: 'gdpGrowth', year: 2024, value: 0.05, source: '国家统计局《2024年国民经济和社会发展统计公报》：比上年增长5.0%' },
];

/** Administrator-set indicator parameters by year (GDP growth, dibao standards), seeded with sourced values. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_parameter')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_parameter_pk', ['key', 'year'])
    .execute();
  const at = '2026-11-29T00:00:00.000Z';
  await db
    .insertInto('indicator_parameter')
    .values(seed.map((s) => ({ ...s, entered_by: 'migration', entered_at: at })))
    .execute();
}

/** Drops the parameter table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_parameter').execute();
}
