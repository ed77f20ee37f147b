import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../db/test-db.ts';
import { programs } from '../../domain/policy/evaluate.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import { systemScope } from '../access/scope.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadDemoServices } from '../demo/services/load-demo-services.ts';
import { type EvaluatedPerson, evaluateAll, evaluatePerson } from './evaluation.ts';
import { type FactsFilter, type StoredFacts, streamFacts } from './facts-store.ts';
import { loadParamSet } from './param-store.ts';
import { decisionsForPerson } from './person-decisions.ts';
import { addEnrolment } from './test-setup.ts';

const day = '2025-12-31';
const scope = systemScope('test');

async function batch(database: Database, params: ParamSet, filter: Partial<FactsFilter> = {}): Promise<EvaluatedPerson[]> {
  const out: EvaluatedPerson[] = [];
  for await (const chunk of evaluateAll(database, scope, { asOf: day, ...filter }, programs, params)) out.push(...chunk);
  return out;
}

/** The single-person path: one person's facts read on their own (household statuses of that household only). */
async function single(database: Database, params: ParamSet, personId: number): Promise<EvaluatedPerson> {
  const facts: StoredFacts[] = [];
  for await (const chunk of streamFacts(database, scope, { asOf: day, personIds: [personId] })) facts.push(...chunk);
  expect(facts).toHaveLength(1);
  return evaluatePerson(facts[0] as StoredFacts, programs, params, day);
}

/**
 * Hand-built cases the demo county lacks: a certificate history with a tie on the effective date (the later entry
 * wins), and a household where two other members hold dibao at different amounts, one ended, plus lowIncome.
 */
async function addEdgeCases(database: Database): Promise<{ certified: number; household: number[] }> {
  const persons = await database.db.selectFrom('person').select(['id', 'household_id']).orderBy('id').execute();
  const certified = (persons[3] as { id: number }).id;
  const certificate = { person_id: certified, category: 'physical', issued_on: '2015-01-01', created_at: '2025-01-01T00:00:00Z' };
  await database.db
    .insertInto('certificate')
    .values([
      {
        ...certificate,
        certificate_number: 'T-OLD',
        level: 4,
        effective_from: '2015-01-01',
        ended_on: '2019-01-01',
        end_reason: 'changed',
      },
      { ...certificate, certificate_number: 'T-TIE', level: 1, effective_from: '2019-01-01', valid_until: '2029-01-01' },
      { ...certificate, certificate_number: 'T-TIE2', level: 2, effective_from: '2019-01-01', valid_until: '2029-06-01' },
    ])
    .execute();
  const byHousehold = new Map<number, number[]>();
  for (const p of persons) if (p.household_id !== null) byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p.id]);
  const household = [...byHousehold.values()].find((members) => members.length >= 3) ?? [];
  const [a, b, c] = household as [number, number, number];
  await addEnrolment(database, b, 'dibao', '2024-01-01', null, 30_000);
  await addEnrolment(database, c, 'dibao', '2023-01-01', null, 25_000);
  await addEnrolment(database, c, 'dibao', '2020-01-01', '2022-12-31', 10_000);
  await addEnrolment(database, a, 'lowIncome', '2025-01-01', null, null);
  return { certified, household };
}

describe.each(await availableEngines())('batch facts and decisions equal the single-person path (%s)', (engine) => {
  let database: Database;
  let params: ParamSet;
  let all: EvaluatedPerson[];
  let edge: { certified: number; household: number[] };
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await loadDemo(database, { persons: 400, seed: 11, asOf: day });
    await loadDemoServices(database, { seed: 11 });
    edge = await addEdgeCases(database);
    params = await loadParamSet(database);
    all = await batch(database, params);
  }, 120_000);
  afterAll(async () => database.close());

  it('covers the cases where gathering facts can go wrong', () => {
    expect(all).toHaveLength(400);
    expect(all.map((p) => p.person.personId)).toEqual([...all.map((p) => p.person.personId)].sort((a, b) => a - b));
    const certified = all.find((p) => p.person.personId === edge.certified)?.person;
    const from = certified?.certificates.map((c) => c.effectiveFrom) ?? [];
    expect(from).toEqual([...from].sort());
    expect(certified?.certificates.filter((c) => c.effectiveFrom === '2019-01-01').map((c) => c.level)).toEqual([1, 2]);
    const [a, b, c] = edge.household.map((id) => all.find((p) => p.person.personId === id)?.person);
    expect(edge.household.length).toBeGreaterThanOrEqual(3);
    expect(a?.householdEnrolments.map((e) => [e.program, e.monthlyAmountFen])).toEqual(
      expect.arrayContaining([
        ['dibao', 30_000],
        ['dibao', 25_000],
      ]),
    );
    expect(a?.householdEnrolments.some((e) => e.monthlyAmountFen === 10_000)).toBe(false);
    expect(b?.householdEnrolments.map((e) => e.program)).toEqual(expect.arrayContaining(['dibao', 'lowIncome']));
    expect(c?.householdEnrolments.some((e) => e.program === 'dibao' && e.monthlyAmountFen === 25_000)).toBe(false);
    expect(all.some((p) => p.person.householdEnrolments.length > 0)).toBe(true);
    expect(all.some((p) => p.person.enrolments.length > 1)).toBe(true);
    expect(all.some((p) => p.person.incomePerCapitaFen !== null)).toBe(true);
    expect(all.some((p) => p.decisions.some((d) => d.receiving && !d.eligible))).toBe(true);
    for (const p of all) {
      for (const e of p.person.enrolments) expect(e.startDate <= day && (e.endDate === null || e.endDate >= day)).toBe(true);
      for (const e of p.person.householdEnrolments) expect(['dibao', 'lowIncome']).toContain(e.program);
      for (const d of p.decisions) if (d.receiving) expect(p.person.enrolments.some((e) => e.program === d.program)).toBe(true);
    }
  });

  it('reads the same facts and decides the same for every person as the single-person path', async () => {
    for (const p of all) expect(await single(database, params, p.person.personId)).toEqual(p);
  }, 120_000);

  it('gives the same persons and decisions whatever the chunk size', async () => {
    expect(await batch(database, params, { chunkSize: 37 })).toEqual(all);
  }, 60_000);

  it('reads a town (sparse ids) the same as the whole county', async () => {
    const town = (all[0] as EvaluatedPerson).person.townCode;
    const expected = all.filter((p) => p.person.townCode === town);
    expect(expected.length).toBeLessThan(all.length);
    expect(await batch(database, params, { town, chunkSize: 50 })).toEqual(expected);
  }, 60_000);

  it('answers the person decisions API like the batch', async () => {
    for (const p of all.filter((_, i) => i % 40 === 0)) {
      const api = await decisionsForPerson(database, scope, p.person.personId, day);
      expect(api.decisions).toEqual(
        p.decisions.map((d) => ({
          program: d.program,
          eligible: d.eligible,
          receiving: d.receiving,
          monthlyAmount: d.monthlyAmount,
          priority: d.priority ?? null,
          reasons: d.reasons,
        })),
      );
    }
  }, 60_000);
});
