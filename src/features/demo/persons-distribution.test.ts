import { describe, expect, it } from 'vitest';
import { addYears, parseDay } from './days.ts';
import { expiringSoonDays } from './life-dates.ts';
import { ageInYears } from './life-dates.ts';
import { type DemoPerson, demoPersons } from './persons.ts';

const asOf = '2025-06-30';
const asOfDay = parseDay(asOf);
const persons = demoPersons({ persons: 10_000, seed: 20_251_128, asOf });
const ageOf = (p: DemoPerson) => ageInYears(parseDay(p.birthDate), asOfDay);

/** Share of persons (or of `among`) matching the predicate. */
function share(predicate: (p: DemoPerson) => boolean, among: DemoPerson[] = persons): number {
  return among.filter(predicate).length / among.length;
}

/** Expects each key's share to be within `tolerance` of its target. */
function expectShares(key: (p: DemoPerson) => string | undefined, targets: Record<string, number>, tolerance: number) {
  for (const [value, target] of Object.entries(targets)) {
    expect(Math.abs(share((p) => key(p) === value) - target), value).toBeLessThan(tolerance);
  }
}

describe('demoPersons: distributions for 10,000 persons', () => {
  it('towns by population', () => {
    const targets = { '441821100': 0.3, '441821102': 0.18, '441821101': 0.15, '441821103': 0.13 };
    expectShares((p) => p.town, { ...targets, '441821104': 0.12, '441821107': 0.12 }, 0.02);
  });

  it('categories, levels and gender', () => {
    const categories = { 肢体: 0.45, 视力: 0.09, 听力: 0.11, 言语: 0.01, 智力: 0.1, 精神: 0.14, 多重: 0.1 };
    expectShares((p) => p.category, categories, 0.02);
    expectShares((p) => p.level, { 一级: 0.12, 二级: 0.28, 三级: 0.28, 四级: 0.32 }, 0.02);
    expectShares((p) => p.gender, { 男: 0.55, 女: 0.45 }, 0.02);
    const middle = (p: DemoPerson) => p.level === '二级' || p.level === '三级';
    const intellectualMental = persons.filter((p) => p.category === '智力' || p.category === '精神');
    const others = persons.filter((p) => p.category !== '智力' && p.category !== '精神');
    expect(share(middle, intellectualMental)).toBeGreaterThan(share(middle, others) + 0.15);
  });

  it('ages skew old, with children for child rehabilitation and schooling', () => {
    expect(share((p) => ageOf(p) >= 60)).toBeGreaterThan(0.52);
    expect(share((p) => ageOf(p) >= 60)).toBeLessThan(0.58);
    expect(share((p) => ageOf(p) < 16)).toBeGreaterThan(0.02);
    expect(share((p) => ageOf(p) < 16)).toBeLessThan(0.04);
    expect(persons.filter((p) => ageOf(p) <= 6).length).toBeGreaterThan(50);
    expect(persons.filter((p) => ageOf(p) >= 6 && ageOf(p) <= 14).length).toBeGreaterThan(100);
    expect(Math.max(...persons.map(ageOf))).toBeLessThan(101);
  });

  it('hukou mostly rural, the county seat the most urban', () => {
    const rural = share(
      (p) => p.hukou === '农村',
      persons.filter((p) => p.hukou !== undefined),
    );
    expect(Math.abs(rural - 0.75)).toBeLessThan(0.04);
    const urbanIn = (town: string) =>
      share(
        (p) => p.hukou === '城镇',
        persons.filter((p) => p.town === town),
      );
    expect(urbanIn('441821100')).toBeGreaterThan(urbanIn('441821104') + 0.15);
  });

  it('ID regions: mostly 佛冈, some other 清远 codes, a handful of HK/Macao permits', () => {
    expect(Math.abs(share((p) => p.idNumber.startsWith('441821')) - 0.92)).toBeLessThan(0.015);
    expect(share((p) => /^4418(?!21)/.test(p.idNumber))).toBeGreaterThan(0.05);
    const permits = persons.filter((p) => /^8[12]0000/.test(p.idNumber)).length;
    expect(permits).toBeGreaterThanOrEqual(5);
    expect(permits).toBeLessThanOrEqual(60);
  });

  it('certificates: ≈ 3 % expired, ≈ 5 % expiring within six months', () => {
    const until = (p: DemoPerson) => parseDay(p.certificateValidUntil);
    expect(Math.abs(share((p) => until(p) < asOfDay) - 0.03)).toBeLessThan(0.008);
    const soon = share((p) => until(p) >= asOfDay && until(p) < asOfDay + expiringSoonDays);
    expect(Math.abs(soon - 0.05)).toBeLessThan(0.01);
    expect(share((p) => parseDay(p.certificateIssuedOn) > addYears(asOfDay, -10))).toBeGreaterThan(0.96);
  });

  it('≈ 2 % deceased, mostly elderly', () => {
    const deceased = persons.filter((p) => p.deceasedOn !== undefined);
    expect(Math.abs(deceased.length / persons.length - 0.02)).toBeLessThan(0.006);
    expect(share((p) => ageOf(p) >= 60, deceased)).toBeGreaterThan(0.75);
  });

  it('phones for ≈ 70 %; guardians for every minor and many intellectual/mental persons', () => {
    expect(Math.abs(share((p) => p.phone !== undefined) - 0.7)).toBeLessThan(0.03);
    expect(
      share(
        (p) => p.guardianName !== undefined,
        persons.filter((p) => ageOf(p) < 18),
      ),
    ).toBe(1);
    const adultsIM = persons.filter((p) => ageOf(p) >= 18 && (p.category === '智力' || p.category === '精神'));
    expect(share((p) => p.guardianName !== undefined, adultsIM)).toBeGreaterThan(0.5);
  });

  it('≈ 12 % of persons share a household with another certificate holder', () => {
    const sizes = new Map<string, number>();
    for (const p of persons) {
      sizes.set(p.householdNo, (sizes.get(p.householdNo) ?? 0) + 1);
    }
    expect(Math.abs(share((p) => (sizes.get(p.householdNo) ?? 0) > 1) - 0.12)).toBeLessThan(0.02);
  });
});
