import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdpf-migrate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migrateToLatest', () => {
  it('takes a migration that landed after a later-named one had already run', async () => {
    const names = Object.keys(migrations);
    // A late migration no later one builds on (an index): it lands after the later-named ones ran.
    const late = '2026_11_29_1200_person_county_index';
    expect(names.indexOf(late)).toBeLessThan(names.length - 1);
    const database = connect(path.join(dir, 'unordered.db'));
    try {
      // The database saw every migration but `late` (as one migrated between two branches' landings would).
      const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== late));
      const early = await new Migrator({ db: database.db, provider: { getMigrations: async () => without } }).migrateToLatest();
      expect(early.error).toBeUndefined();
      expect(await migrateToLatest(database)).toEqual([late]);
      const done = await database.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(done.map((r) => (r as { name: string }).name).sort()).toEqual([...names].sort());
    } finally {
      await database.close();
    }
  });
});
