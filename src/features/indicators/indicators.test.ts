import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import type { IndicatorKey } from '../../domain/indicators/definition.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { systemScope } from '../access/scope.ts';
import { gapPage } from './gaps.ts';
import { setParameter } from './parameters-store.ts';
import { computeIndicator, computeIndicators, runAnalytic } from './compute.ts';
import { type RateMeasure, ratesQuery } from './rates-sql.ts';
import { registerUnitTally } from './unit-tally.ts';
import { compareUnits, contextFor, evaluateIndicators } from './service.ts';
import { buildIndicatorFixture, fixtureOrgs } from './test-fixture.ts';

type Expect = [numerator: number, denominator: number | null];
const { county, shijiao, village, shuitou } = fixtureOrgs;

// Expected figures as of 2025-12-31, worked out by hand from test-fixture.ts (docs/indicators.md explains each person).
const expected: Record<IndicatorKey, Record<string, Expect>> = {
  incomeGrowth: { [county]: [96_000, 90_000], [shijiao]: [110_000, 100_000], [village]: [110_000, 100_000], [shuitou]: [82_000, 80_000] },
  trainingCount: { [county]: [3, null], [shijiao]: [3, null], [village]: [3, null], [shuitou]: [0, null] },
  // P12 shares P0's dibao household; P10 (level 1, 低保边缘) may enter alone (单人户); P6 (level 4 physical) may not.
  dibaoInclusion: { [county]: [1, 3], [shijiao]: [1, 2], [village]: [1, 2], [shuitou]: [0, 1] },
  livingSubsidyCoverage: { [county]: [2, 4], [shijiao]: [1, 3], [village]: [1, 3], [shuitou]: [1, 1] },
  nursingSubsidyCoverage: { [county]: [3, 5], [shijiao]: [2, 2], [village]: [2, 2], [shuitou]: [1, 3] },
  pensionInsuranceRate: { [county]: [5, 7], [shijiao]: [3, 4], [village]: [3, 4], [shuitou]: [2, 3] },
  medicalInsuranceRate: { [county]: [8, 11], [shijiao]: [4, 6], [village]: [4, 6], [shuitou]: [4, 5] },
  compulsoryEducationRate: { [county]: [1, 2], [shijiao]: [0, 1], [village]: [0, 1], [shuitou]: [1, 1] },
  rehabCoverage: { [county]: [4, 6], [shijiao]: [3, 4], [village]: [3, 4], [shuitou]: [1, 2] },
  deviceFittingRate: { [county]: [2, 4], [shijiao]: [0, 2], [village]: [0, 2], [shuitou]: [2, 2] },
  homeModifications: { [county]: [3, null], [shijiao]: [2, null], [village]: [2, null], [shuitou]: [1, null] },
};

const cases = Object.entries(expected).flatMap(([key, byOrg]) =>
  Object.entries(byOrg).map(([org, e]) => [key as IndicatorKey, org, e] as const),
);

describe.each(await availableEngines())('indicators on %s', (engine) => {
  let database: Database;
  let ids: Record<string, number>;
  const scope = systemScope('test');
  const docs = new Map<string, Awaited<ReturnType<typeof evaluateIndicators>>>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ids = await buildIndicatorFixture(database);
    await setParameter(database.db, { key: 'gdpGrowth', year: 2025, value: 0.05, source: 'test', actor: 'test' });
    for (const org of [county, shijiao, village, shuitou]) docs.set(org, await evaluateIndicators(database, scope, { year: 2025, org }));
  });
  afterAll(async () => database.close());

  it.each(cases)('%s at %s is %j', (key, org, [numerator, denominator]) => {
    const r = docs.get(org)?.indicators.find((i) => i.key === key);
    expect({ numerator: r?.numerator, denominator: r?.denominator }).toEqual({ numerator, denominator });
  });

  it('judges values against targets (rates, counts at county level only, growth against GDP growth)', () => {
    const at = (org: string, key: IndicatorKey) => docs.get(org)?.indicators.find((i) => i.key === key);
    expect(at(county, 'nursingSubsidyCoverage')).toMatchObject({ value: 0.6, target: 1, met: false, kind: 'binding' });
    expect(at(shijiao, 'nursingSubsidyCoverage')).toMatchObject({ value: 1, met: true });
    expect(at(shijiao, 'rehabCoverage')).toMatchObject({ value: 0.75, target: 0.85, met: false });
    expect(at(county, 'incomeGrowth')).toMatchObject({ value: 0.0667, target: 0.05, met: true });
    expect(at(shuitou, 'incomeGrowth')).toMatchObject({ value: 0.025, met: false });
    expect(at(county, 'homeModifications')).toMatchObject({ value: 3, target: 600, met: false });
    expect(at(shijiao, 'trainingCount')).toMatchObject({ value: 3, target: null, met: null });
  });

  it('evaluates on another date: before the level change and the death', async () => {
    const doc = await evaluateIndicators(database, scope, { year: 2025, org: county, asOf: '2025-06-30' });
    const nursing = doc.indicators.find((i) => i.key === 'nursingSubsidyCoverage');
    // P3 is level 4 until 2025-07-01; P2 died on 2025-06-30 (outside); P10's subsidy still runs in June.
    expect(nursing).toMatchObject({ numerator: 3, denominator: 4 });
  });

  it('lists the gap with reasons, masked, in scope', async () => {
    const page = await gapPage(database, scope, 'nursingSubsidyCoverage', { year: 2025, org: county, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items[0]?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const next = await gapPage(database, scope, 'nursingSubsidyCoverage', {
      year: 2025,
      org: county,
      limit: 10,
      cursor: page.nextCursor ?? 0,
    });
    expect([...page.items, ...next.items].map((p) => p.id).sort()).toEqual([ids.P1, ids.P10].sort());
    const pension = await gapPage(database, scope, 'pensionInsuranceRate', { year: 2025, org: county, limit: 10 });
    expect(pension.items.map((p) => [p.id, p.reason.code])).toEqual(
      expect.arrayContaining([
        [ids.P1, 'NOT_INSURED'],
        [ids.P11, 'NO_SURVEY'],
      ]),
    );
    const home = await gapPage(database, scope, 'homeModifications', { year: 2025, org: county, limit: 10 });
    expect(home.items.map((p) => p.id)).toEqual([ids.P5]);
  });

  it('measures each indicator alone exactly as all together (one statement shares the per-person facts)', async () => {
    const ctx = await contextFor(database, 2025);
    // With dibao standards too, so that the income test's survey column joins the shared facts.
    const withStandards = { ...ctx, policy: { ...ctx.policy, dibaoStandardUrbanFen: 120_000, dibaoStandardRuralFen: 90_000 } };
    for (const c of [ctx, withStandards]) {
      const all = await computeIndicators(database, c, { code: county, level: 'county' });
      for (const def of indicatorDefinitions) {
        expect(await computeIndicator(database, def, c, { code: county, level: 'county' })).toEqual(all.get(def.key));
      }
    }
  });

  it('counts the rates the same with GROUP BY and with the SQLite unit tally, at every org level', async () => {
    const ctx = await contextFor(database, 2025);
    const rates = indicatorDefinitions.filter((d) => d.measure.type === 'rate').map((d) => d.measure as RateMeasure);
    const sorted = (counts: { town: string; village: string | null }[][]) =>
      counts.map((c) => [...c].sort((a, b) => `${a.town}${a.village}`.localeCompare(`${b.town}${b.village}`)));
    if (database.sqlite) registerUnitTally(database.sqlite);
    for (const org of [
      { code: county, level: 'county' as const },
      { code: shijiao, level: 'town' as const },
      { code: village, level: 'village' as const },
    ]) {
      const grouped = ratesQuery(rates, ctx, org, 'groupBy');
      const byGroup = grouped.read((await runAnalytic(database.db, ctx, (q) => grouped.query.execute(q))).rows);
      expect(byGroup.flat().length).toBeGreaterThan(0);
      if (engine === 'postgres') continue;
      expect(database.sqlite).toBeDefined();
      const tallied = ratesQuery(rates, ctx, org, 'unitTally');
      const byTally = tallied.read((await runAnalytic(database.db, ctx, (q) => tallied.query.execute(q))).rows);
      expect(sorted(byTally)).toEqual(sorted(byGroup));
    }
  });

  it.runIf(engine === 'postgres')('runs an analytic statement with its settings for its own transaction only', async () => {
    const ctx = await contextFor(database, 2025);
    const settings = sql<Record<string, string>>`select current_setting('jit') as jit, current_setting('work_mem') as work_mem,
      current_setting('max_parallel_workers_per_gather') as workers, current_setting('random_page_cost') as page_cost`;
    await database.db.connection().execute(async (one) => {
      const before = (await settings.execute(one)).rows[0];
      const restricted = { ...ctx, blockSize: 64, blocks: [0] };
      const inside = await runAnalytic(one, restricted, (q) => settings.execute(q));
      expect(inside.rows[0]).toEqual({ jit: 'off', work_mem: '64MB', workers: '0', page_cost: '1.1' });
      expect((await runAnalytic(one, ctx, (q) => settings.execute(q))).rows[0]).toMatchObject({ jit: 'off', work_mem: '64MB' });
      expect((await settings.execute(one)).rows[0]).toEqual(before);
    });
  });

  it('compares the towns of the county', async () => {
    const cmp = await compareUnits(database, scope, { year: 2025, org: county });
    const sj = cmp.units.find((u) => u.code === shijiao);
    expect(sj?.indicators.find((i) => i.key === 'deviceFittingRate')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(cmp.units.map((u) => u.code)).toContain('441821107');
  });

  // Last: it changes the fixture. P5 needs a modification; a modification enrolment begun before P5's certificate
  // took effect is not counted (the certificate must be valid on its day), so P5 stays on the gap list.
  it('lists on the gap exactly the persons the count leaves out, with the certificate rule of the count', async () => {
    const p5 = ids.P5 as number;
    await database.db.updateTable('certificate').set({ effective_from: '2024-01-01' }).where('person_id', '=', p5).execute();
    await database.db
      .insertInto('enrolment')
      .values({
        person_id: p5,
        program: 'homeModification',
        start_date: '2023-05-01',
        end_date: null,
        monthly_amount_fen: null,
        source: 'test',
        recorded_at: '2026-11-29T00:00:00Z',
        recorded_by: 'test',
      })
      .execute();
    const ctx = await contextFor(database, 2025);
    const counted = await computeIndicators(database, ctx, { code: county, level: 'county' });
    expect(counted.get('homeModifications')?.get(county)).toEqual({ numerator: 3, denominator: null });
    const home = await gapPage(database, scope, 'homeModifications', { year: 2025, org: county, limit: 10 });
    expect(home.items.map((p) => p.id)).toEqual([p5]);
  });
});
