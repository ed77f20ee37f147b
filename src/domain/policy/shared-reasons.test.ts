import { describe, expect, it } from 'vitest';
import { standardAmount } from './amount.ts';
import { factsFor } from './cases/base-facts.ts';
import { hasValidCertificate, isAlive } from './conditions.ts';
import { anyOf, check, decide, fixed } from './decision.ts';
import { evaluate, programs } from './evaluate.ts';
import { livingSubsidyMonthly, parameterCatalog } from './parameter-catalog.ts';
import { type ParamEntry, defineParam, lookup, paramSetOf } from './parameters.ts';

// The batch keeps a few answers between calls (shared reasons, last parameter entries, last certificate condition):
// these tests check that a different set, day or person never gets a stale answer.

describe('shared reasons', () => {
  it('lists a leaf condition as the reason itself and copies a composite one without its children', () => {
    const leaf = fixed('A', true, 'a', 's');
    const other = check('B', true, ['b', 'not b'], 's');
    const either = anyOf('C', 's', [leaf, other], ['c', 'not c']);
    const d = decide('p', '2025-01-01', [leaf, other, either]);
    expect(Object.isFrozen(leaf)).toBe(true);
    expect(d.reasons[0]).toBe(leaf);
    expect(d.reasons[1]).toBe(other);
    expect(d.reasons[2]).toEqual({ code: 'C', held: true, message: 'c：a', source: 's' });
    expect(Object.keys(d.reasons[2] as object)).toEqual(['code', 'held', 'message', 'source']);
  });

  it('gives every decision of a batch its own reasons list even when the reasons are shared', () => {
    const facts = factsFor({});
    const set = paramSetOf(parameterCatalog);
    const a = evaluate('freeBusTravel', facts, '2025-12-31', set);
    const b = evaluate('freeBusTravel', facts, '2025-12-31', set);
    expect(a.reasons).not.toBe(b.reasons);
    expect(a.reasons).toEqual(b.reasons);
    expect(a.reasons[1]).toBe(isAlive(facts, '2025-12-31'));
  });

  it('recomputes the certificate condition for another day or another person', () => {
    const facts = factsFor({});
    expect(hasValidCertificate(facts, '2025-12-31').held).toBe(true);
    expect(hasValidCertificate(facts, '2031-01-01').held).toBe(false);
    expect(hasValidCertificate(facts, '2025-12-31').held).toBe(true);
    expect(hasValidCertificate(factsFor({ certificate: { validUntil: '2024-01-01' } }), '2025-12-31').held).toBe(false);
  });
});

describe('parameter lookups kept per set and day', () => {
  const param = defineParam<number>({ id: 'y', unit: 'fen', description: 'y', source: 's', history: [] });
  const entries = (value: number): ParamEntry<unknown>[] => [{ from: '2020-01-01', value, source: 'x' }];
  const one = paramSetOf([param], { y: entries(100) });
  const two = paramSetOf([param], { y: [...entries(200), { from: '2024-01-01', value: 300, source: 'x' }] });

  it('answers each set and day with its own entry, whatever the order of the calls', () => {
    expect(lookup(one, param, '2025-01-01')?.value).toBe(100);
    expect(lookup(two, param, '2025-01-01')?.value).toBe(300);
    expect(lookup(two, param, '2023-01-01')?.value).toBe(200);
    expect(lookup(one, param, '2019-01-01')).toBeUndefined();
    expect(lookup(one, param, '2025-01-01')?.value).toBe(100);
  });

  it('builds the amount line of the entry in force on the day', () => {
    const set = paramSetOf(parameterCatalog, { [livingSubsidyMonthly.id]: [{ from: '2027-01-01', value: 30_000, source: 'x' }] });
    expect(standardAmount(set, livingSubsidyMonthly, '2027-06-01', '生活补贴').fen).toBe(30_000);
    expect(standardAmount(set, livingSubsidyMonthly, '2027-06-01', '生活补贴').reason.message).toBe(
      '生活补贴300.00元/月（自2027-01-01起）',
    );
    expect(standardAmount(set, livingSubsidyMonthly, '2019-06-01', '生活补贴')).toEqual(
      standardAmount(paramSetOf(parameterCatalog), livingSubsidyMonthly, '2019-06-01', '生活补贴'),
    );
  });

  it('decides every programme the same whether or not another set was asked in between', () => {
    const facts = factsFor({ householdEnrolments: [{ program: 'dibao', startDate: '2024-01-01' }], incomePerCapitaFen: 10_000 });
    const base = paramSetOf(parameterCatalog);
    const other = paramSetOf(parameterCatalog, { [livingSubsidyMonthly.id]: [{ from: '2025-06-01', value: 1, source: 'x' }] });
    const first = programs.map((p) => evaluate(p, facts, '2025-12-31', base));
    for (const p of programs) evaluate(p, facts, '2025-12-31', other);
    expect(programs.map((p) => evaluate(p, facts, '2025-12-31', base))).toEqual(first);
    expect(first[0]?.eligible).toBe(true);
    expect(evaluate('livingSubsidy', facts, '2025-12-31', other).monthlyAmount).toBe(1);
  });
});
