import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { savedEnv } from '../../db/test-env.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import type { Day } from '../../domain/time/day.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { computeIndicators, type IndicatorTallies, laneShares } from './compute.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { contextFor } from './service.ts';
import { buildIndicatorFixture, fixtureOrgs } from './test-fixture.ts';

const settings = ['SMART_DPF_LANES', 'SMART_DPF_INDICATOR_LANE_MIN_PERSONS'] as const;
const restoreSettings = savedEnv(settings);

/** Shares the work out over `lanes` lanes from one person up (1: the statements as they are, in one thread). */
function useLanes(lanes: number): void {
  process.env.SMART_DPF_LANES = String(lanes);
  process.env.SMART_DPF_INDICATOR_LANE_MIN_PERSONS = '1';
}

/** Every indicator's tallies by org code, in one order (the map's own order may differ and means nothing). */
function canonical(tallies: IndicatorTallies): [string, [string, unknown][]][] {
  return [...tallies].map(([key, byOrg]) => [key, [...byOrg].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

/**
 * The contexts compared: year ends and mid-year, each with the dibao standards entered (so the income tests count)
 * and without.
 */
async function contexts(database: Database): Promise<EvalContext[]> {
  const out: EvalContext[] = [];
  for (const [year, asOf] of [
    [2025, undefined],
    [2024, undefined],
    [2025, '2025-06-30'],
  ] as [number, Day | undefined][]) {
    const ctx = await contextFor(database, year, asOf);
    out.push({ ...ctx, policy: { ...ctx.policy, dibaoStandardUrbanFen: 250_000, dibaoStandardRuralFen: 200_000 } }, ctx);
  }
  return out;
}

async function orgsOf(database: Database): Promise<OrgFilter[]> {
  const town = await database.db
    .selectFrom('person')
    .select('town_code')
    .groupBy('town_code')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .executeTakeFirstOrThrow();
  const village = await database.db
    .selectFrom('person')
    .select('village_code')
    .where('village_code', 'is not', null)
    .groupBy('village_code')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .executeTakeFirstOrThrow();
  return [
    { code: '441821', level: 'county' },
    { code: town.town_code, level: 'town' },
    { code: village.village_code as string, level: 'village' },
  ];
}

/**
 * Computes every indicator in one thread and shared out in 2 lanes (3 once), and compares: the county (its tallies
 * hold every town and village too) in each context, a town and a village in the first. A run in lanes starts worker
 * threads (on SQLite), so the cases are few.
 */
async function expectSameInLanes(database: Database, orgs: readonly OrgFilter[], all: EvalContext[]): Promise<void> {
  const runs = all.flatMap((ctx, c) =>
    (c === 0 ? orgs : orgs.slice(0, 1)).map((org) => ({ ctx, org, lanes: c === 0 && org === orgs[0] ? [2, 3] : [2] })),
  );
  for (const { ctx, org, lanes } of runs) {
    useLanes(1);
    const serial = canonical(await computeIndicators(database, ctx, org));
    for (const n of lanes) {
      useLanes(n);
      expect(canonical(await computeIndicators(database, ctx, org)), `${n} lanes, ${ctx.asOf}, ${org.code}`).toEqual(serial);
    }
  }
}

describe.each(await availableEngines())('indicators shared out in lanes equal one thread (%s)', (engine) => {
  afterEach(restoreSettings);

  describe('over the demo county', () => {
    let database: Database;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await loadDemo(database, { persons: 600, seed: 5, asOf: '2026-11-29' });
    }, 120_000);
    afterAll(async () => database.close());

    const county: OrgFilter = { code: '441821', level: 'county' };

    it('shares the work out on SQLite only, over enough persons, and not with one lane', async () => {
      useLanes(2);
      // PostgreSQL runs the statements at once on its pool already: the setting leaves its run as it is.
      if (engine === 'postgres') {
        expect(await laneShares(database, county)).toBeNull();
        return;
      }
      expect(await laneShares(database, county)).toMatchObject({ lanes: 2 });
      // The persons of the org unit count, not the whole table: 400 of the 600 is the county's run, not a town's.
      process.env.SMART_DPF_INDICATOR_LANE_MIN_PERSONS = '400';
      const town = (await orgsOf(database)).find((o) => o.level === 'town') as OrgFilter;
      expect(await laneShares(database, county)).toMatchObject({ lanes: 2 });
      expect(await laneShares(database, town)).toBeNull();
      process.env.SMART_DPF_INDICATOR_LANE_MIN_PERSONS = '100000';
      expect(await laneShares(database, county)).toBeNull();
      useLanes(1);
      expect(await laneShares(database, county)).toBeNull();
    });

    it('gives the same tallies, every indicator and org code, for the county, a town and a village', async () => {
      const orgs = await orgsOf(database);
      useLanes(1);
      const tallies = await computeIndicators(database, await contextFor(database, 2025), orgs[0] as OrgFilter);
      expect(tallies.get('medicalInsuranceRate')?.get('441821')?.denominator).toBeGreaterThan(400);
      expect(tallies.get('incomeGrowth')?.get('441821')).toMatchObject({ households: expect.any(Number) });
      await expectSameInLanes(database, orgs, await contexts(database));
    }, 120_000);
  });

  describe('over the hand-built fixture (a household across id ranges)', () => {
    let database: Database;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await buildIndicatorFixture(database);
    });
    afterAll(async () => database.close());

    it('gives the same tallies for the county, a town and the village', async () => {
      const all = await contexts(database);
      await expectSameInLanes(
        database,
        [
          { code: fixtureOrgs.county, level: 'county' },
          { code: fixtureOrgs.shuitou, level: 'town' },
          { code: fixtureOrgs.village, level: 'village' },
        ],
        [all[0], all[3]].filter((c): c is EvalContext => c !== undefined),
      );
    }, 120_000);
  });
});
