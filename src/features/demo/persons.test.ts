import { describe, expect, it } from 'vitest';
import { parseCategory } from '../../domain/disability/category.ts';
import { parseLevel } from '../../domain/disability/level.ts';
import { certificateMismatches, parseCertificateNumber } from '../../domain/identity/certificate-number.ts';
import { idCheckChar, parseIdNumber } from '../../domain/identity/id-number.ts';
import { parsePhone } from '../../domain/identity/phone.ts';
import { addDays, addYears as addYearsToDay } from '../../domain/time/day.ts';
import { addYears, compactDay, formatDay, parseDay } from './days.ts';
import { type DemoPerson, demoPersons, generateDemoPersons } from './persons.ts';
import { demoVillages } from './villages.ts';

const asOf = '2024-12-31';
const asOfDay = parseDay(asOf);
const persons = demoPersons({ persons: 10_000, seed: 1, asOf });
const categoryDigit: Record<string, string> = {
  视力: '1',
  听力: '2',
  言语: '3',
  肢体: '4',
  智力: '5',
  精神: '6',
  多重: '7',
};
const levelDigit: Record<string, string> = { 一级: '1', 二级: '2', 三级: '3', 四级: '4' };

describe('demoPersons: determinism', () => {
  it('gives identical rows for identical options, 10,000 by default', () => {
    expect(demoPersons({ seed: 1, asOf })).toEqual(persons);
    expect(persons).toHaveLength(10_000);
  });

  it('gives different persons for another seed', () => {
    const other = new Set(demoPersons({ persons: 1_000, seed: 2, asOf }).map((p) => p.idNumber));
    const shared = persons.slice(0, 1_000).filter((p) => other.has(p.idNumber)).length;
    expect(shared).toBeLessThan(20);
  });

  it('keeps a prefix whatever the count, and streams the same rows', () => {
    expect(demoPersons({ persons: 777, seed: 1, asOf })).toEqual(persons.slice(0, 777));
    const streamed: DemoPerson[] = [];
    for (const person of generateDemoPersons({ persons: 50, seed: 1, asOf })) {
      streamed.push(person);
    }
    expect(streamed).toEqual(persons.slice(0, 50));
    expect(demoPersons({ persons: 0, seed: 1, asOf })).toEqual([]);
  });

  it('rejects bad options', () => {
    expect(() => demoPersons({ persons: -1, seed: 1, asOf })).toThrow(RangeError);
    expect(() => demoPersons({ persons: 1, seed: 0.5, asOf })).toThrow(RangeError);
    expect(() => demoPersons({ persons: 1, seed: 1, asOf: '2024-02-30' })).toThrow(RangeError);
  });
});

describe('demoPersons: identity', () => {
  it('ID and certificate numbers are unique', () => {
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
    expect(new Set(persons.map((p) => p.certificateNumber)).size).toBe(persons.length);
  });

  it('every ID number is valid and agrees with birth date and gender', () => {
    const invalid = persons.filter(
      (p) =>
        !/^(4418\d\d|810000|820000)\d{11}[\dX]$/.test(p.idNumber) ||
        p.idNumber[17] !== idCheckChar(p.idNumber.slice(0, 17)) ||
        p.idNumber.slice(6, 14) !== compactDay(parseDay(p.birthDate)) ||
        (Number(p.idNumber[16]) % 2 === 1 ? '男' : '女') !== p.gender ||
        parseDay(p.birthDate) > asOfDay,
    );
    expect(invalid).toEqual([]);
  });

  it('every certificate number is the ID + category digit + level digit', () => {
    const mismatched = persons.filter((p) => p.certificateNumber !== p.idNumber + categoryDigit[p.category] + levelDigit[p.level]);
    expect(mismatched).toEqual([]);
  });
});

describe('demoPersons: the domain validators accept every row', () => {
  it('ID number, certificate number, category and level', () => {
    const rejected = persons.filter((p) => {
      const id = parseIdNumber(p.idNumber, asOf);
      const cert = parseCertificateNumber(p.certificateNumber);
      const category = parseCategory(p.category);
      const level = parseLevel(p.level);
      if (!id.ok || !cert.ok || !category.ok || !level.ok) return true;
      const mismatches = certificateMismatches(cert.value, { idNumber: id.value.idNumber, category: category.value, level: level.value });
      return mismatches.length > 0 || id.value.birthDate !== p.birthDate || (id.value.gender === 'male' ? '男' : '女') !== p.gender;
    });
    expect(rejected).toEqual([]);
  });

  it('phones, and validUntil as the registry derives it from the issue date', () => {
    const isMobile = (phone: string) => {
      const parsed = parsePhone(phone);
      return parsed.ok && parsed.value === phone;
    };
    const rejected = persons.filter(
      (p) =>
        [p.phone, p.guardianPhone].some((phone) => phone !== undefined && !isMobile(phone)) ||
        p.certificateValidUntil !== addDays(addYearsToDay(p.certificateIssuedOn, 10), -1),
    );
    expect(rejected).toEqual([]);
  });
});

describe('demoPersons: places, dates, contacts', () => {
  const villages = new Map(demoVillages().map((unit) => [unit.code, unit]));

  it('every village belongs to the person’s town; hukou is 城镇 or 农村 (none for HK/Macao permits)', () => {
    expect(persons.filter((p) => villages.get(p.village)?.townCode !== p.town)).toEqual([]);
    const badHukou = persons.filter((p) =>
      /^8[12]0000/.test(p.idNumber) ? p.hukou !== undefined : p.hukou !== '城镇' && p.hukou !== '农村',
    );
    expect(badHukou).toEqual([]);
  });

  it('certificates are issued after birth, by asOf, for 10 years less a day; deaths are recent', () => {
    const badCertificate = persons.filter((p) => {
      const issued = parseDay(p.certificateIssuedOn);
      return issued <= parseDay(p.birthDate) || issued > asOfDay || p.certificateValidUntil !== formatDay(addYears(issued, 10) - 1);
    });
    expect(badCertificate).toEqual([]);
    const badDeath = persons.filter((p) => {
      const died = p.deceasedOn === undefined ? undefined : parseDay(p.deceasedOn);
      return died !== undefined && (died <= parseDay(p.certificateIssuedOn) || died < addYears(asOfDay, -3) || died >= asOfDay);
    });
    expect(badDeath).toEqual([]);
  });

  it('phones are mainland mobiles; a guardian always has a phone', () => {
    const isMobileOrAbsent = (phone: string | undefined) => phone === undefined || /^1[358]\d{9}$/.test(phone);
    const bad = persons.filter(
      (p) =>
        !isMobileOrAbsent(p.phone) ||
        !isMobileOrAbsent(p.guardianPhone) ||
        (p.guardianName === undefined) !== (p.guardianPhone === undefined),
    );
    expect(bad).toEqual([]);
  });

  it('names are a surname and a one- or two-character given name', () => {
    expect(persons.filter((p) => !/^\p{Script=Han}{2,3}$/u.test(p.name))).toEqual([]);
  });

  it('members of one household share town, village and hukou; numbers name their village', () => {
    const firstOf = new Map<string, DemoPerson>();
    const bad = persons.filter((p) => {
      const first = firstOf.get(p.householdNo) ?? p;
      firstOf.set(p.householdNo, first);
      return (
        !p.householdNo.startsWith(`HH${p.village}-`) ||
        !/-\d{4,}$/.test(p.householdNo) ||
        first.town !== p.town ||
        first.village !== p.village ||
        first.hukou !== p.hukou
      );
    });
    expect(bad).toEqual([]);
    expect(firstOf.size).toBeLessThan(persons.length);
  });
});
