import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { savedEnv } from '../../db/test-env.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import { systemScope } from '../access/scope.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { evaluateReduced, laneShares } from './evaluation-lanes.ts';
import { type GapItem, type GapQuery, gapItems, gapItemsOf } from './gaps.ts';
import { loadParamSet } from './param-store.ts';
import { runBenefitReview } from './review-job.ts';

const day = '2025-12-31';
const scope = systemScope('test');
const settings = ['SMART_DPF_LANES', 'SMART_DPF_LANE_MIN_PERSONS', 'SMART_DPF_LANE_HIGH_WATER'] as const;
const restoreSettings = savedEnv(settings);

/** Runs with `lanes` lanes for any run of at least one person (1 turns lanes off). */
function useLanes(lanes: number): void {
  process.env.SMART_DPF_LANES = String(lanes);
  process.env.SMART_DPF_LANE_MIN_PERSONS = '1';
}

async function gaps(database: Database, params: ParamSet, q: GapQuery): Promise<GapItem[]> {
  const out: GapItem[] = [];
  for await (const chunk of gapItems(database, scope, q, params)) out.push(...chunk);
  return out;
}

describe.each(await availableEngines())('evaluation in lanes (worker threads) equals one thread (%s)', (engine) => {
  let database: Database;
  let params: ParamSet;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 600, seed: 5, asOf: day });
    params = await loadParamSet(database);
  }, 120_000);
  afterEach(restoreSettings);
  afterAll(async () => database.close());

  it('splits a long run into consecutive id ranges, one per lane, and keeps narrow runs in one', async () => {
    useLanes(3);
    const shares = await laneShares(database, scope, { asOf: day });
    expect(shares).toHaveLength(3);
    const ranges = shares.map((s) => s.idRange as { from: number; to: number });
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from).toBe((ranges[i - 1]?.to ?? 0) + 1);
    expect(await laneShares(database, scope, { asOf: day, personIds: [1, 2] })).toHaveLength(1);
    // The persons of the run count, not the whole table: 400 of the 600 is the county's run, not a town's.
    process.env.SMART_DPF_LANE_MIN_PERSONS = '400';
    const town = (await database.db.selectFrom('person').select('town_code').executeTakeFirstOrThrow()).town_code;
    const townScope = { ...scope, role: 'townStaff' as const, orgLevel: 'town' as const, orgCode: town };
    expect(await laneShares(database, scope, { asOf: day })).toHaveLength(3);
    expect(await laneShares(database, scope, { asOf: day, town })).toHaveLength(1);
    expect(await laneShares(database, townScope, { asOf: day })).toHaveLength(1);
    useLanes(1);
    expect(await laneShares(database, scope, { asOf: day })).toHaveLength(1);
  });

  it('lists the same gap items in the same (person) order with lanes as without', async () => {
    useLanes(1);
    const serial = await gaps(database, params, { date: day });
    useLanes(3);
    const laned = await gaps(database, params, { date: day });
    expect(serial.length).toBeGreaterThan(20);
    expect(new Set(serial.map((g) => g.kind))).toEqual(new Set(['eligibleNotReceiving', 'receivingNotEligible']));
    expect(laned).toEqual(serial);
    const ids = laned.map((g) => g.personId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // A worker that may send one item ahead waits for the caller at every message, and still gives the same list.
    process.env.SMART_DPF_LANE_HIGH_WATER = '1';
    expect(await gaps(database, params, { date: day })).toEqual(serial);
    const oneKind = await gaps(database, params, { date: day, kind: 'receivingNotEligible', program: 'livingSubsidy' });
    expect(oneKind).toEqual(serial.filter((g) => g.kind === 'receivingNotEligible' && g.program === 'livingSubsidy'));
  }, 60_000);

  it('opens the same stop-review tasks with lanes as without', async () => {
    useLanes(2);
    const laned = await runBenefitReview(database, scope, day, day);
    expect(laned.notEligible).toBeGreaterThan(0);
    // The tasks are open now: a second review (one thread) finds the same and opens none.
    useLanes(1);
    const serial = await runBenefitReview(database, scope, day, day);
    expect(serial).toEqual({ ...laned, opened: 0, alreadyOpen: laned.notEligible });
  }, 60_000);

  it('fails the run when a lane in a worker fails, with the lane error', async () => {
    useLanes(2);
    const reducer = { module: new URL('./gaps.ts', import.meta.url).href, name: 'noSuchReducer', reduce: gapItemsOf, args: null };
    const run = async () => {
      for await (const _ of evaluateReduced(database, scope, { asOf: day }, ['livingSubsidy'], params, reducer));
    };
    await expect(run()).rejects.toThrow(/not a function/);
  }, 60_000);
});
