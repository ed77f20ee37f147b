import { describe, expect, it } from 'vitest';
import { type DemoPersonSnapshot, demoPersonFacts, householdIncomeFen } from './person-facts.ts';

const base: DemoPersonSnapshot = {
  id: 42,
  birthDate: '1970-05-01',
  category: 'physical',
  level: 1,
  town: '441821100',
  householdId: 7,
  hukou: 'rural',
  deceasedOn: null,
  issuedOn: '2019-01-01',
  validUntil: '2028-12-31',
};

describe('demo services of one person', () => {
  it('are the same for the same person and seed, and differ for another seed', () => {
    expect(demoPersonFacts(base, 1)).toEqual(demoPersonFacts(base, 1));
    expect(JSON.stringify(demoPersonFacts(base, 2))).not.toEqual(JSON.stringify(demoPersonFacts(base, 1)));
  });
  it('carry one current survey row per year the person held a valid certificate at year end', () => {
    const late = demoPersonFacts({ ...base, issuedOn: '2023-06-01' }, 1);
    expect(late.surveys.filter((s) => s.superseded_at === null).map((s) => s.year)).toEqual([2023, 2024, 2025]);
    const dead = demoPersonFacts({ ...base, deceasedOn: '2022-03-04' }, 1);
    expect(dead.surveys.filter((s) => s.superseded_at === null).map((s) => s.year)).toEqual([2021]);
  });
  it('give a severe person outside tekun the nursing subsidy in most cases', () => {
    const receiving = Array.from({ length: 200 }, (_, i) => demoPersonFacts({ ...base, id: i + 1 }, 3)).filter(
      (f) => f.enrolments.some((e) => e.program === 'nursingSubsidy') || f.enrolments.some((e) => e.program === 'tekun'),
    );
    expect(receiving.length).toBeGreaterThan(190);
  });
  it('share a household income that grows every year', () => {
    expect(householdIncomeFen(1, 7, 2025)).toBeGreaterThan(householdIncomeFen(1, 7, 2024));
  });
});
