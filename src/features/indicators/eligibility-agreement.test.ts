import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import type { Eligibility } from '../../domain/indicators/conditions.ts';
import { type ParamOverrides, type ParamSet, withOverrides } from '../../domain/policy/parameters.ts';
import type { Day } from '../../domain/time/day.ts';
import { systemScope } from '../access/scope.ts';
import { evaluateAll } from '../benefits/evaluation.ts';
import { loadParamSet } from '../benefits/param-store.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { eligibilityParams } from './eligibility-params.ts';
import { eligibilitySql } from './eligibility-sql.ts';
import { evalContext } from './eval-context.ts';
import { aliveAndRegistered, populationJoin } from './population-sql.ts';
import { joinsOf, statementContext } from './statement-facts.ts';

// Indicators 3–5 count, set-wise in SQL, whom the benefit rules (src/domain/policy/rules/, one person at a time in
// TypeScript) find eligible. This holds the two to the same persons, on a demo county plus persons made for the
// branches the demo lacks, on several dates and parameter settings.

const programs: Eligibility[] = ['dibao', 'livingSubsidy', 'nursingSubsidy'];
const dates: Day[] = ['2021-06-30', '2023-12-31', '2025-12-31'];

const settings: Record<string, ParamOverrides> = {
  defaults: {},
  'dibao standards entered': {
    'dibao.standard.urban': [{ from: '2020-01-01', value: 120_000 }],
    'dibao.standard.rural': [{ from: '2020-01-01', value: 100_000 }],
  },
  'tekun keeps the subsidies, work-injury excludes both, no 低保边缘': {
    'overlap.tekunExcludesSubsidies': [{ from: '2016-01-01', value: false }],
    'overlap.workInjuryCare': [{ from: '2016-01-01', value: 'neither' }],
    'livingSubsidy.includeLowIncome': [{ from: '2016-01-01', value: false }],
  },
  'nursing amount unknown, level 1 only': {
    'nursingSubsidy.monthlyAmount': [{ from: '2016-01-01', value: null }],
    'nursingSubsidy.levels': [{ from: '2016-01-01', value: [1] }],
  },
};

/** Persons made for what the demo lacks: care allowances, orphan support, a residence permit, old certificates. */
async function addEdgeFacts(db: Kysely<DB>): Promise<void> {
  const ids = (await db.selectFrom('person').select('id').orderBy('id').limit(40).execute()).map((r) => r.id);
  const stamp = { source: 'test', recorded_at: '2026-01-01T00:00:00Z', recorded_by: 'test' };
  const enrol = (i: number, program: string, amount: number | null) => ({
    person_id: ids[i] as number,
    program,
    start_date: '2020-01-01',
    end_date: null,
    monthly_amount_fen: amount,
    ...stamp,
  });
  await db
    .insertInto('enrolment')
    .values([
      enrol(0, 'workInjuryCare', 10_000),
      enrol(1, 'workInjuryCare', 90_000),
      enrol(2, 'workInjuryCare', null),
      enrol(3, 'elderlyCareSubsidy', 5_000),
      enrol(4, 'elderlyCareSubsidy', 90_000),
      enrol(5, 'orphanSupport', 100_000),
      enrol(5, 'dibao', 30_000),
      enrol(6, 'dibao', 50_000),
      enrol(7, 'lowIncome', null),
      enrol(8, 'tekun', null),
      enrol(8, 'lowIncome', null),
      enrol(9, 'workInjuryCare', 10_000),
      enrol(9, 'elderlyCareSubsidy', 90_000),
    ])
    .execute();
  await db
    .updateTable('person')
    .set({ residence_permit: '810000199001011234' })
    .where('id', '=', ids[10] as number)
    .execute();
  // Without a stored expiry: issued 2012 (expired by 2023), issued after some dates, issued exactly 10 years before one.
  const cert = (i: number, issued: string) =>
    db
      .updateTable('certificate')
      .set({ valid_until: null, issued_on: issued })
      .where('person_id', '=', ids[i] as number)
      .execute();
  await cert(11, '2012-05-01');
  await cert(12, '2024-02-01');
  await cert(13, '2013-12-31');
  await cert(14, '2011-06-30');
  // Every one of them level 1 (in every nursing scope), and a few in one household with a dibao member.
  await db.updateTable('certificate').set({ level: 1 }).where('person_id', 'in', ids.slice(0, 15)).execute();
  await db.updateTable('person').set({ household_id: null }).where('id', 'in', ids.slice(0, 15)).execute();
  const household = await db.selectFrom('person').select('household_id').where('household_id', 'is not', null).executeTakeFirstOrThrow();
  await db
    .updateTable('person')
    .set({ household_id: household.household_id })
    .where('id', 'in', [ids[6], ids[7], ids[11]] as number[])
    .execute();
}

/** The persons of the indicator population on the date whom the SQL finds eligible. */
async function sqlEligible(db: Kysely<DB>, params: ParamSet, engine: Database['engine'], program: Eligibility, day: Day) {
  const ctx = statementContext(evalContext(Number(day.slice(0, 4)), day, { gdpGrowth: null }, eligibilityParams(params, day), engine));
  const condition = eligibilitySql(program, ctx);
  const rows = await sql<{ id: number }>`select distinct person.id as id from ${populationJoin(day)} ${joinsOf(ctx)}
    where ${aliveAndRegistered(day)} and ${condition}`.execute(db);
  return rows.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The persons of the population on the date (the indicators' denominators are taken from it). */
async function population(db: Kysely<DB>, day: Day): Promise<Set<number>> {
  const rows = await sql<{
    id: number;
  }>`select distinct person.id as id from ${populationJoin(day)} where ${aliveAndRegistered(day)}`.execute(db);
  return new Set(rows.rows.map((r) => Number(r.id)));
}

/** The persons the benefit rules find eligible on the date, of those in the population. */
async function rulesEligible(database: Database, params: ParamSet, program: Eligibility, day: Day) {
  const inPopulation = await population(database.db, day);
  const eligible: number[] = [];
  for await (const chunk of evaluateAll(database, systemScope('test'), { asOf: day }, [program], params)) {
    for (const p of chunk) if (p.decisions[0]?.eligible && inPopulation.has(p.person.personId)) eligible.push(p.person.personId);
  }
  return eligible.sort((a, b) => a - b);
}

describe.each(await availableEngines())('indicator eligibility agrees with the benefit rules on %s', (engine) => {
  let database: Database;
  let base: ParamSet;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 1500, seed: 7, asOf: '2026-11-29' });
    await addEdgeFacts(database.db);
    base = await loadParamSet(database);
  }, 120_000);
  afterAll(async () => database.close());

  const cases = Object.keys(settings).flatMap((setting) => dates.flatMap((day) => programs.map((p) => [setting, day, p] as const)));
  it.each(cases)('%s, %s, %s', async (setting, day, program) => {
    const overrides = settings[setting] as ParamOverrides;
    for (const id of Object.keys(overrides)) expect(base.has(id), id).toBe(true);
    const params = withOverrides(base, overrides);
    const fromRules = await rulesEligible(database, params, program, day);
    const fromSql = await sqlEligible(database.db, params, engine, program, day);
    expect(fromSql).toEqual(fromRules);
    // Not vacuous: every programme has eligible persons on the demo's later dates.
    if (day !== '2021-06-30' && !setting.startsWith('nursing')) expect(fromRules.length).toBeGreaterThan(0);
  });
});
