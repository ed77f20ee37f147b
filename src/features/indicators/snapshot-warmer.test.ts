import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planYears } from '../../contracts/indicators.ts';
import { connect, type Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { savedEnv } from '../../db/test-env.ts';
import { yearEnd } from '../../domain/time/day.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { computeIndicators } from './compute.ts';
import type { OrgFilter } from './eval-context.ts';
import { contextFor } from './service.ts';
import { lastChange } from './snapshot-store.ts';
import { startSnapshotWarmer, warmPass } from './snapshot-warmer.ts';
import { lastSnapshotRead, storedIndicators } from './snapshots.ts';
import { canonical } from './test-canonical.ts';
import { openWriter } from './test-open-writer.ts';

const county: OrgFilter = { code: '441821', level: 'county' };
const now = '2026-11-29T00:00:00Z';
const weekAgo = '2026-01-01T00:00:00Z';

describe.each(await availableEngines())('indicator snapshot warmer (%s)', (engine) => {
  let database: Database;
  let town: OrgFilter;

  /** An enabled (or disabled) staff account of the org unit. */
  async function addUser(username: string, org: string, disabled = 0) {
    await database.db
      .insertInto('app_user')
      .values({
        username,
        display_name: null,
        role: org.length === 6 ? 'countyStaff' : 'townStaff',
        org_code: org,
        password_hash: 'scrypt$test',
        must_change_password: 0,
        password_changed_at: null,
        failed_attempts: 0,
        locked_until: null,
        disabled,
        last_sign_in_at: null,
        created_at: now,
        updated_at: now,
        preferences_json: null,
      })
      .execute();
  }

  /** The stored snapshots by unit and year, with the log sequence each applied. */
  async function stored() {
    const rows = await database.db
      .selectFrom('indicator_snapshot')
      .select(['org_code', 'year', 'as_of', 'applied_seq'])
      .orderBy('org_code')
      .orderBy('year')
      .execute();
    return rows.map((r) => ({ org: r.org_code, year: Number(r.year), asOf: r.as_of, applied: Number(r.applied_seq) }));
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 600, seed: 5, asOf: '2026-11-29' });
    const t = await database.db.selectFrom('person').select('town_code').orderBy('id').executeTakeFirstOrThrow();
    town = { code: t.town_code, level: 'town' };
    await addUser('county-user', county.code);
    await addUser('town-user', town.code);
    await addUser('gone-user', '441821107', 1);
  }, 120_000);
  afterAll(async () => database.close());

  it("builds the plan years' snapshots of every enabled user's county and town, each equal to the live figures", async () => {
    expect(await warmPass(database, weekAgo)).toEqual({ built: 2 * planYears.length, refreshed: 0, left: 0, busy: false });
    const units = [county.code, town.code].sort();
    expect((await stored()).map((s) => [s.org, s.year, s.asOf])).toEqual(
      units.flatMap((org) => planYears.map((year) => [org, year, yearEnd(year)])),
    );
    expect(await warmPass(database, weekAgo)).toEqual({ built: 0, refreshed: 0, left: 0, busy: false });
    for (const org of [county, town]) {
      const ctx = await contextFor(database, 2024);
      const read = await storedIndicators(database, ctx, org);
      expect(lastSnapshotRead()).toEqual({ built: false, refreshedBlocks: 0 });
      expect(canonical(read)).toEqual(canonical(await computeIndicators(database, ctx, org)));
    }
  });

  it('refreshes every snapshot after a change without marking it used, so the next reader finds it fresh', async () => {
    const asOf = await contextFor(database, 2025, '2025-06-30');
    await storedIndicators(database, asOf, county);
    const p = await database.db
      .selectFrom('person')
      .select('id')
      .where('household_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await database.db.updateTable('person').set({ status: 'deceased', deceased_on: '2025-03-01' }).where('id', '=', p.id).execute();
    const upTo = await lastChange(database);
    const usedBefore = await database.db.selectFrom('indicator_snapshot').select(['id', 'used_at']).orderBy('id').execute();
    // The plan years of both units, and the snapshot of 30 June read above.
    expect(await warmPass(database, weekAgo)).toEqual({ built: 0, refreshed: 2 * planYears.length + 1, left: 0, busy: false });
    for (const s of await stored()) expect(s.applied, `${s.org} ${s.asOf}`).toBe(upTo);
    expect(await database.db.selectFrom('indicator_snapshot').select(['id', 'used_at']).orderBy('id').execute()).toEqual(usedBefore);
    for (const ctx of [asOf, await contextFor(database, 2025)]) {
      const read = await storedIndicators(database, ctx, county);
      expect(lastSnapshotRead()).toEqual({ built: false, refreshedBlocks: 0 });
      expect(canonical(read)).toEqual(canonical(await computeIndicators(database, ctx, county)));
    }
  });

  it('builds on SQLite no unit of more persons than a run shares out; refreshes it once a reader built it', async () => {
    const townPersons = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('town_code', '=', town.code)
      .executeTakeFirstOrThrow();
    const restore = savedEnv(['SMART_DPF_INDICATOR_LANE_MIN_PERSONS']);
    // The town at the limit, the county (600 persons) above it.
    process.env.SMART_DPF_INDICATOR_LANE_MIN_PERSONS = String(townPersons.n);
    try {
      await database.db.deleteFrom('indicator_snapshot_block').execute();
      await database.db.deleteFrom('indicator_snapshot').execute();
      const left = engine === 'sqlite' ? planYears.length : 0;
      const years = planYears.length;
      expect(await warmPass(database, weekAgo)).toEqual({ built: 2 * years - left, refreshed: 0, left, busy: false });
      expect((await stored()).some((s) => s.org === county.code)).toBe(engine !== 'sqlite');
      // A reader builds one of the county's years; from then on a pass refreshes it.
      await storedIndicators(database, await contextFor(database, 2023), county);
      expect(await warmPass(database, weekAgo)).toEqual({ built: 0, refreshed: 0, left: Math.max(0, left - 1), busy: false });
      await database.db.updateTable('person').set({ phone: '13300000000' }).where('town_code', '=', town.code).execute();
      expect(await warmPass(database, weekAgo)).toEqual({
        built: 0,
        refreshed: 2 * years - Math.max(0, left - 1),
        left: Math.max(0, left - 1),
        busy: false,
      });
    } finally {
      restore();
    }
  });

  // A writer on another connection holds the change log's lock shared until it commits (PostgreSQL).
  it.runIf(engine === 'postgres')('gives way to a writer in progress instead of holding up the writers after it', async () => {
    const p = await database.db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow();
    const first = await openWriter(database.url, (trx) =>
      trx.updateTable('person').set({ phone: '13200000000' }).where('id', '=', p.id).execute(),
    );
    const other = connect(database.url);
    try {
      expect(await lastChange(database, 0)).toBeNull();
      expect(await warmPass(database, weekAgo)).toMatchObject({ busy: true });
      // Another writer is not held up behind the warmer: it takes the lock shared beside the first.
      await other.db
        .updateTable('person')
        .set({ phone: '13200000001' })
        .where('id', '=', p.id + 1)
        .execute();
      await first.end();
      expect(await warmPass(database, weekAgo)).toMatchObject({ busy: false });
      expect(await lastChange(database, 0)).toBe(await lastChange(database));
    } finally {
      await first.end();
      await other.close();
    }
  });

  it('runs a pass at start and again once the change log moves; stop waits for the pass in progress', async () => {
    await database.db.deleteFrom('indicator_snapshot_block').execute();
    await database.db.deleteFrom('indicator_snapshot').execute();
    const errors: unknown[] = [];
    const warmer = startSnapshotWarmer(database, (e) => errors.push(e), 0.05);
    try {
      await expect.poll(async () => (await stored()).length, { timeout: 30_000 }).toBe(2 * planYears.length);
      const p = await database.db.selectFrom('person').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      await database.db.updateTable('person').set({ phone: '13500000000' }).where('id', '=', p.id).execute();
      const upTo = await lastChange(database);
      await expect.poll(async () => Math.min(...(await stored()).map((s) => s.applied)), { timeout: 30_000 }).toBe(upTo);
    } finally {
      await warmer.stop();
    }
    expect(errors).toEqual([]);
  }, 60_000);
});
