import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedEnv } from '../../db/test-env.ts';
import { connect, type Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { blockOf, largeBlockSize, logBlockSize } from './blocks-sql.ts';
import { computeIndicatorRows, computeIndicators, type IndicatorRows } from './compute.ts';
import { canonical } from './test-canonical.ts';
import { openWriter } from './test-open-writer.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { contextFor } from './service.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { findSnapshot, lastChange, replaceBlocks } from './snapshot-store.ts';
import { lastSnapshotRead, statementsHash, storedIndicators } from './snapshots.ts';

/** Rows by block, indicator and unit, in one order, figures to 12 significant digits (see canonical). */
function blockRows(rows: IndicatorRows): string[] {
  const round = (v: number | null) => (v === null ? null : Number(Number(v).toPrecision(12)));
  return [...rows]
    .flatMap(([key, list]) =>
      list.map((r) =>
        JSON.stringify([r.block, key, r.village ?? r.town, r.town, round(r.numerator), round(r.denominator), round(r.households)]),
      ),
    )
    .sort();
}

/**
 * Test support: gives every demo household the id `id · 300`, so that the households of a small demo county lie in
 * many blocks (1,024 household ids each; of 64, one each) instead of one.
 */
async function spreadHouseholds(database: Database): Promise<void> {
  const households = await database.db.selectFrom('household').selectAll().orderBy('id', 'desc').execute();
  for (const h of households) {
    const id = h.id * 300;
    await database.db
      .insertInto('household')
      .values({ ...h, id, household_no: `${h.household_no}-s` })
      .execute();
    await database.db.updateTable('person').set({ household_id: id }).where('household_id', '=', h.id).execute();
    await database.db.deleteFrom('household').where('id', '=', h.id).execute();
  }
}

const county: OrgFilter = { code: '441821', level: 'county' };

const now = '2026-11-29T00:00:00Z';

/**
 * Each engine with the snapshots' blocks of both sizes: the log's own, which a unit of few persons stores (this
 * county of 600), and blocks of 1024 households, which a large unit stores (the limit set to 0 persons).
 */
const runs = (await availableEngines()).flatMap((engine) => [
  { engine, blockSize: logBlockSize, smallUnitPersons: undefined },
  { engine, blockSize: largeBlockSize, smallUnitPersons: '0' },
]);

describe.each(runs)('stored indicators per block ($engine, blocks of $blockSize households)', ({ engine, blockSize, smallUnitPersons }) => {
  let database: Database;
  let restoreEnv: () => void;
  let ctx: EvalContext;
  let town: OrgFilter;
  let village: OrgFilter;

  /** The stored figures of the unit equal the live ones; what the read refreshed. */
  async function expectLive(org: OrgFilter = county) {
    const stored = await storedIndicators(database, ctx, org);
    const read = lastSnapshotRead();
    expect(canonical(stored), org.code).toEqual(canonical(await computeIndicators(database, ctx, org)));
    return read;
  }

  /** A person of the county with a household (and a row of `table`, if given), the n-th by id. */
  async function householder(n = 0, table?: 'needs_survey' | 'enrolment') {
    return database.db
      .selectFrom('person')
      .select(['id', 'household_id'])
      .where('household_id', 'is not', null)
      .$if(table !== undefined, (q) =>
        q.where((eb) =>
          eb.exists(
            eb
              .selectFrom(table as 'enrolment')
              .select('person_id')
              .whereRef('person_id', '=', 'person.id'),
          ),
        ),
      )
      .orderBy('id')
      .offset(n)
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  /** A completed service record of the person. */
  function addService(personId: number, kind: string, startDate: string) {
    return database.db
      .insertInto('service_record')
      .values({
        person_id: personId,
        kind,
        start_date: startDate,
        end_date: null,
        status: 'completed',
        provider: null,
        department: null,
        cost_fen: null,
        details_json: null,
        recorded_at: now,
        recorded_by: 'test',
      })
      .execute();
  }

  beforeAll(async () => {
    restoreEnv = savedEnv(['SMART_DPF_SNAPSHOT_SMALL_UNIT_PERSONS']);
    if (smallUnitPersons === undefined) delete process.env.SMART_DPF_SNAPSHOT_SMALL_UNIT_PERSONS;
    else process.env.SMART_DPF_SNAPSHOT_SMALL_UNIT_PERSONS = smallUnitPersons;
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 600, seed: 5, asOf: '2026-11-29' });
    await spreadHouseholds(database);
    ctx = await contextFor(database, 2025);
    const v = await database.db
      .selectFrom('person')
      .select(['town_code', 'village_code'])
      .where('village_code', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    town = { code: v.town_code, level: 'town' };
    village = { code: v.village_code as string, level: 'village' };
  }, 120_000);
  afterAll(async () => {
    restoreEnv();
    await database.close();
  });

  it('builds each unit whole first, then reads it unchanged', async () => {
    for (const org of [county, town, village]) {
      expect((await expectLive(org))?.built, org.code).toBe(true);
      expect(await expectLive(org), org.code).toEqual({ built: false, refreshedBlocks: 0 });
    }
    const blocks = await database.db.selectFrom('indicator_snapshot_block').select('block').distinct().execute();
    expect(blocks.length).toBeGreaterThan(20);
    const sizes = await database.db.selectFrom('indicator_snapshot').select('block_size').distinct().execute();
    expect(sizes.map((s) => Number(s.block_size))).toEqual([blockSize]);
  });

  it('logs the block that blocks-sql.ts computes, on every table the statements read', async () => {
    const p = await householder(3, 'needs_survey');
    const [{ block }] = (
      await sql<{ block: number }>`select ${blockOf('person', logBlockSize)} as block from person where id = ${p.id}`.execute(database.db)
    ).rows as [{ block: number }];
    // What a write logs after the last sequence a refresh read (SQLite logs a block once until a refresh reads it).
    const logged = async (write: () => Promise<unknown>) => {
      const before = await lastChange(database);
      await write();
      const rows = await database.db.selectFrom('indicator_change').select('block').where('seq', '>', before).execute();
      return rows.map((r) => Number(r.block));
    };
    expect(await logged(() => database.db.updateTable('person').set({ phone: '13800000000' }).where('id', '=', p.id).execute())).toEqual([
      Number(block),
    ]);
    expect(
      await logged(() => database.db.updateTable('certificate').set({ created_at: now }).where('person_id', '=', p.id).execute()),
    ).toEqual([Number(block)]);
    expect(
      await logged(() =>
        database.db
          .insertInto('enrolment')
          .values({
            person_id: p.id,
            program: 'tekun',
            start_date: '2030-01-01',
            end_date: null,
            monthly_amount_fen: null,
            source: 'test',
            recorded_at: now,
            recorded_by: 'test',
          })
          .execute(),
      ),
    ).toEqual([Number(block)]);
    expect(
      await logged(() =>
        database.db.deleteFrom('enrolment').where('person_id', '=', p.id).where('start_date', '=', '2030-01-01').execute(),
      ),
    ).toEqual([Number(block)]);
    expect(
      await logged(() => database.db.updateTable('needs_survey').set({ recorded_by: 'test' }).where('person_id', '=', p.id).execute()),
    ).toEqual([Number(block)]);
    expect(await logged(() => addService(p.id, 'device', '2030-01-01'))).toEqual([Number(block)]);
  });

  it('logs a block once on SQLite until a refresh reads the log, on PostgreSQL once per statement', async () => {
    const p = await householder(9);
    const before = await lastChange(database);
    for (const phone of ['13700000001', '13700000002'])
      await database.db.updateTable('person').set({ phone }).where('id', '=', p.id).execute();
    const rows = await database.db.selectFrom('indicator_change').select('block').where('seq', '>', before).execute();
    expect(rows.length).toBe(engine === 'sqlite' ? 1 : 2);
    expect(new Set(rows.map((r) => r.block)).size).toBe(1);
  });

  it('refreshes only the blocks whose records changed, and equals the live figures after each change', async () => {
    for (const org of [county, town, village]) await expectLive(org);
    const a = await householder(1, 'needs_survey');
    const b = await householder(40, 'enrolment');
    const changes: [string, () => Promise<unknown>][] = [
      ['a service record', () => addService(a.id, 'rehab', '2025-03-01')],
      [
        'an enrolment ended',
        () => database.db.updateTable('enrolment').set({ end_date: '2025-01-31' }).where('person_id', '=', b.id).execute(),
      ],
      [
        'a survey answer',
        () =>
          database.db
            .updateTable('needs_survey')
            .set({ rehab_need: 1, rehab_received: 0 })
            .where('person_id', '=', a.id)
            .where('year', '=', 2025)
            .execute(),
      ],
      [
        'a certificate ended',
        () =>
          database.db
            .updateTable('certificate')
            .set({ ended_on: '2025-06-30', end_reason: 'cancelled' })
            .where('person_id', '=', b.id)
            .execute(),
      ],
      [
        'a death',
        () => database.db.updateTable('person').set({ status: 'deceased', deceased_on: '2025-07-01' }).where('id', '=', a.id).execute(),
      ],
      ['survey rows deleted', () => database.db.deleteFrom('needs_survey').where('person_id', '=', b.id).execute()],
    ];
    for (const [what, change] of changes) {
      await change();
      const read = await expectLive(county);
      expect(read?.built, what).toBe(false);
      expect(read?.refreshedBlocks, what).toBe(1);
      await expectLive(town);
      await expectLive(village);
    }
  });

  it('refreshes both blocks of a person who moves to a household of another block', async () => {
    await expectLive(county);
    const mover = await householder(5);
    const target = await householder(200);
    await database.db.updateTable('person').set({ household_id: target.household_id }).where('id', '=', mover.id).execute();
    const read = await expectLive(county);
    expect(read?.refreshedBlocks).toBe(2);
  });

  it('recomputes every block in one run after changes to many, and keeps a snapshot per date and parameters', async () => {
    await expectLive(county);
    await database.db.updateTable('enrolment').set({ recorded_by: 'bulk' }).execute();
    const read = await expectLive(county);
    expect(read?.refreshedBlocks).toBeGreaterThan(64);
    const before = await database.db.selectFrom('indicator_snapshot').select('id').execute();
    // The GDP growth only presents the income figures: the same statements. Dibao standards are the statements'.
    const base = await contextFor(database, 2025);
    ctx = { ...base, params: { gdpGrowth: 0.061 } };
    expect((await expectLive(county))?.built).toBe(false);
    ctx = { ...base, policy: { ...base.policy, dibaoStandardUrbanFen: 250_000, dibaoStandardRuralFen: 200_000 } };
    expect((await expectLive(county))?.built).toBe(true);
    ctx = await contextFor(database, 2025, '2025-06-30');
    expect((await expectLive(county))?.built).toBe(true);
    expect((await database.db.selectFrom('indicator_snapshot').select('id').execute()).length).toBe(before.length + 2);
    ctx = await contextFor(database, 2025);
  });

  it('moves a snapshot only from the state it was read in (a reader overtaken by another changes nothing)', async () => {
    await expectLive(county);
    const hash = statementsHash(database, ctx, county, indicatorDefinitions);
    const head = await findSnapshot(database.db, county.code, hash);
    if (!head) throw new Error('no snapshot');
    await database.db
      .updateTable('person')
      .set({ phone: '13600000000' })
      .where('id', '=', (await householder(12)).id)
      .execute();
    await expectLive(county);
    const rows = async () =>
      database.db.selectFrom('indicator_snapshot_block').selectAll().where('snapshot_id', '=', head.id).orderBy('block').execute();
    const before = await rows();
    expect(await replaceBlocks(database, head, head.appliedSeq + 1, 'all', new Map())).toBe(false);
    expect(await rows()).toEqual(before);
  });

  // Two connections of one thread cannot wait for each other's SQLite write lock: this runs on PostgreSQL, where
  // servers share a database; on SQLite the test above covers the overtaken reader.
  it.runIf(engine === 'postgres')('gives every reader the live figures when readers on two connections refresh at once', async () => {
    const other = connect(database.url);
    try {
      await expectLive(county);
      await database.db
        .updateTable('person')
        .set({ status: 'movedOut', moved_out_on: '2025-05-01' })
        .where('id', '=', (await householder(11)).id)
        .execute();
      const live = canonical(await computeIndicators(database, ctx, county));
      const both = await Promise.all([storedIndicators(database, ctx, county), storedIndicators(other, ctx, county)]);
      for (const read of both) expect(canonical(read)).toEqual(live);
      expect(await expectLive(county)).toEqual({ built: false, refreshedBlocks: 0 });
    } finally {
      await other.close();
    }
  });

  it.runIf(engine === 'postgres')('waits for a writer in progress without holding up the writers after it', async () => {
    await expectLive(county);
    const [a, b] = [await householder(13), await householder(14)];
    const first = await openWriter(database.url, (trx) =>
      trx.updateTable('person').set({ status: 'movedOut', moved_out_on: '2025-04-01' }).where('id', '=', a.id).execute(),
    );
    const other = connect(database.url);
    try {
      const reading = storedIndicators(database, ctx, county);
      await sleep(100);
      // A queued exclusive request would hold this update up until the first writer ends.
      const update = other.db
        .updateTable('person')
        .set({ status: 'movedOut', moved_out_on: '2025-04-02' })
        .where('id', '=', b.id)
        .execute();
      await Promise.race([update, sleep(800).then(() => Promise.reject(new Error('the second writer was held up')))]);
      await first.end();
      expect(canonical(await reading)).toEqual(canonical(await computeIndicators(database, ctx, county)));
    } finally {
      await first.end();
      await other.close();
    }
  });

  it.runIf(engine === 'postgres')('computes live when writers keep the log longer than a user waits', async () => {
    await expectLive(county);
    const c = await householder(15);
    const first = await openWriter(database.url, (trx) =>
      trx.updateTable('person').set({ status: 'movedOut', moved_out_on: '2025-04-03' }).where('id', '=', c.id).execute(),
    );
    try {
      const started = Date.now();
      const read = await storedIndicators(database, ctx, county);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
      // The committed records: the open transaction's change is not in them.
      expect(canonical(read)).toEqual(canonical(await computeIndicators(database, ctx, county)));
    } finally {
      await first.end();
    }
    expect((await expectLive(county))?.refreshedBlocks).toBe(1);
  });

  it('groups the same rows by block when the work is shared out in lanes (SQLite), and builds the same snapshot', async () => {
    const byBlock = { ...(await contextFor(database, 2024)), blockSize };
    const oneThread = blockRows(await computeIndicatorRows(database, byBlock, county));
    const restore = savedEnv(['SMART_DPF_LANES', 'SMART_DPF_INDICATOR_LANE_MIN_PERSONS']);
    process.env.SMART_DPF_LANES = '2';
    process.env.SMART_DPF_INDICATOR_LANE_MIN_PERSONS = '1';
    try {
      expect(blockRows(await computeIndicatorRows(database, byBlock, county))).toEqual(oneThread);
      ctx = await contextFor(database, 2024);
      expect((await expectLive(county))?.built).toBe(true);
    } finally {
      restore();
      ctx = await contextFor(database, 2025);
    }
  }, 60_000);

  it('refreshes a county only for the blocks of its own persons when another county of the province changes', async () => {
    const other = '441802';
    await database.db
      .insertInto('org_unit')
      .values({ code: other, name: '清城区', level: 'county', parent_code: '441800', demo: 1 })
      .execute();
    await database.db
      .insertInto('org_unit')
      .values({ code: `${other}100`, name: '清城测试镇', level: 'town', parent_code: other, demo: 1 })
      .execute();
    const top = await database.db
      .selectFrom('person')
      .select((eb) => eb.fn.max('household_id').as('h'))
      .executeTakeFirstOrThrow();
    // The households of the last ~3,000 household ids (×300: about 10 blocks) move to the other county.
    const moved = () =>
      database.db
        .selectFrom('person')
        .select(['id', 'town_code'])
        .where('household_id', '>=', Number(top.h) - 3_000_000 / 300);
    const movers = await moved().execute();
    expect(movers.length).toBeGreaterThan(5);
    await database.db
      .updateTable('person')
      .set({ county_code: other, town_code: `${other}100`, village_code: null })
      .where(
        'id',
        'in',
        movers.map((m) => m.id),
      )
      .execute();
    await expectLive(county);
    // A person of the last household: its block holds none of the county's persons.
    const last = await moved().orderBy('household_id', 'desc').limit(1).executeTakeFirstOrThrow();
    await database.db.updateTable('person').set({ phone: '13400000000' }).where('id', '=', last.id).execute();
    expect(await expectLive(county)).toEqual({ built: false, refreshedBlocks: 0 });
    const back = movers.at(-1) as { id: number; town_code: string };
    await database.db
      .updateTable('person')
      .set({ county_code: county.code, town_code: back.town_code })
      .where('id', '=', back.id)
      .execute();
    expect((await expectLive(county))?.refreshedBlocks).toBe(1);
  });

  it('prunes the log of what every snapshot applied, once it is a day old', async () => {
    // Every entry so far a day old; one new entry.
    await database.db.updateTable('indicator_change').set({ logged_at: 0 }).execute();
    await database.db
      .updateTable('person')
      .set({ phone: '13900000000' })
      .where('id', '=', (await householder(7)).id)
      .execute();
    const logged = await database.db.selectFrom('indicator_change').select(['seq', 'logged_at']).orderBy('seq').execute();
    await expectLive(county);
    const applied = await database.db
      .selectFrom('indicator_snapshot')
      .select((eb) => eb.fn.min('applied_seq').as('seq'))
      .executeTakeFirst();
    const left = await database.db.selectFrom('indicator_change').select('seq').orderBy('seq').execute();
    // The town and village snapshots, not read since the changes above, hold back what they have not applied.
    const kept = logged.filter((r) => Number(r.seq) > Number(applied?.seq) || Number(r.logged_at) > 0);
    expect(left.map((r) => Number(r.seq))).toEqual(kept.map((r) => Number(r.seq)));
    expect(kept.length).toBeLessThan(logged.length);
    expect(kept.at(-1)?.logged_at).toBeGreaterThan(0);
  });
});
