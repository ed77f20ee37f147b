import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { savedEnv } from '../../db/test-env.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { systemScope, userScope } from '../access/scope.ts';
import type { Scope } from '../access/scope.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { type SplitHousehold, splitHouseholdAcrossTowns } from '../demo/test-split-household.ts';
import { type FactsFilter, type StoredFacts, streamFacts } from './facts-store.ts';

const restoreShare = savedEnv(['SMART_DPF_NARROW_SHARE']);

async function factsOf(database: Database, scope: Scope, filter: FactsFilter, narrow: boolean): Promise<StoredFacts[]> {
  process.env.SMART_DPF_NARROW_SHARE = narrow ? '1' : '0';
  const out: StoredFacts[] = [];
  for await (const chunk of streamFacts(database, scope, filter)) out.push(...chunk);
  return out;
}

describe.each(await availableEngines())('benefit facts of a narrow run (%s)', (engine) => {
  let database: Database;
  let split: SplitHousehold;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 800, seed: 9, asOf: '2026-11-29' });
    split = await splitHouseholdAcrossTowns(database);
  }, 120_000);
  afterAll(async () => database.close());
  afterEach(restoreShare);

  it('reads the same facts, household enrolments from other towns included, as a run over every household', async () => {
    const townUser = userScope({ id: 1, username: 't', role: 'townStaff', orgCode: split.member.town, orgLevel: 'town' }, null);
    const runs: [Scope, FactsFilter][] = [
      [townUser, { asOf: '2025-12-31', chunkSize: 50 }],
      [systemScope('test'), { asOf: '2025-12-31', town: split.member.town, chunkSize: 50 }],
      [systemScope('test'), { asOf: '2025-12-31', chunkSize: 50 }],
    ];
    for (const [scope, filter] of runs) {
      const whole = await factsOf(database, scope, filter, false);
      expect(whole.length).toBeGreaterThan(40);
      expect(await factsOf(database, scope, filter, true)).toEqual(whole);
    }
    // The person left behind keeps the dibao of the member who moved to another town.
    const [left] = await factsOf(database, townUser, { asOf: '2025-12-31', personIds: [split.left] }, true);
    expect(left?.householdEnrolments).toContainEqual(expect.objectContaining({ personId: split.member.id, program: 'dibao' }));
  }, 120_000);
});
