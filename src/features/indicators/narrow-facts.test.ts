import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { savedEnv } from '../../db/test-env.ts';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { splitHouseholdAcrossTowns } from '../demo/test-split-household.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { systemScope } from '../access/scope.ts';
import { computeIndicators, type IndicatorTallies } from './compute.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { gapPage } from './gaps.ts';
import { narrowedContext } from './narrow-facts.ts';
import { contextFor } from './service.ts';

const restoreShare = savedEnv(['SMART_DPF_NARROW_SHARE']);

/** Never (0) or always (1) narrow an evaluation to its org unit. */
function narrowing(always: boolean): void {
  process.env.SMART_DPF_NARROW_SHARE = always ? '1' : '0';
}

/** Every indicator's tallies by org code, in one order (the map's own order means nothing). */
function canonical(tallies: IndicatorTallies): [string, [string, unknown][]][] {
  return [...tallies].map(([key, byOrg]) => [key, [...byOrg].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

const county: OrgFilter = { code: '441821', level: 'county' };

describe.each(await availableEngines())('indicators narrowed to their org unit (%s)', (engine) => {
  let database: Database;
  let orgs: OrgFilter[];
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 800, seed: 9, asOf: '2026-11-29' });
    const { member, other } = await splitHouseholdAcrossTowns(database);
    const village = await database.db
      .selectFrom('person')
      .select('village_code')
      .where('town_code', '=', member.town)
      .where('village_code', 'is not', null)
      .orderBy('village_code')
      .executeTakeFirstOrThrow();
    orgs = [
      county,
      { code: member.town, level: 'town' },
      { code: other, level: 'town' },
      { code: village.village_code as string, level: 'village' },
    ];
  }, 120_000);
  afterAll(async () => database.close());
  afterEach(restoreShare);

  it('narrows a town of the county by default, never the whole county', async () => {
    const ctx = await contextFor(database, 2025);
    delete process.env.SMART_DPF_NARROW_SHARE;
    expect((await narrowedContext(database, ctx, county)).narrowTo).toBeUndefined();
    expect((await narrowedContext(database, ctx, orgs[1] as OrgFilter)).narrowTo).toEqual(orgs[1]);
    narrowing(true);
    expect((await narrowedContext(database, ctx, county)).narrowTo).toEqual(county);
  });

  it('gives the same tallies narrowed and read whole, for the county, both towns of the split household and a village', async () => {
    const base = await contextFor(database, 2025);
    const contexts: EvalContext[] = [
      base,
      // With dibao standards entered, the income branch of dibao eligibility counts too.
      { ...base, policy: { ...base.policy, dibaoStandardUrbanFen: 250_000, dibaoStandardRuralFen: 200_000 } },
      await contextFor(database, 2025, '2025-06-30'),
    ];
    for (const ctx of contexts) {
      for (const org of orgs) {
        narrowing(false);
        const whole = canonical(await computeIndicators(database, ctx, org));
        narrowing(true);
        expect(canonical(await computeIndicators(database, ctx, org)), `${ctx.asOf} ${org.code}`).toEqual(whole);
      }
    }
  }, 120_000);

  it('lists the same gap persons narrowed and read whole, for a town of the split household', async () => {
    const scope = systemScope('test');
    const town = orgs[1] as OrgFilter;
    let listed = 0;
    for (const def of indicatorDefinitions) {
      if (def.measure.type === 'incomeGrowth' || (def.measure.type !== 'rate' && !def.measure.gapPopulation)) continue;
      const query = { year: 2025, org: town.code, limit: 500 };
      narrowing(false);
      const whole = await gapPage(database, scope, def.key, query);
      narrowing(true);
      expect(await gapPage(database, scope, def.key, query), def.key).toEqual(whole);
      listed += whole.total;
    }
    expect(listed).toBeGreaterThan(0);
  }, 120_000);
});
