import { describe, expect, it } from 'vitest';
import type { PersonFileRow } from '../../contracts/person-file.ts';
import type { OrgIndex, OrgRef } from '../org/org-index.ts';
import { buildPersonRow, testIdNumber } from './test-factory.ts';
import { validatePersonRow } from './validate-person.ts';

const town: OrgRef = { code: '441821100', name: '石角镇', parentCode: '441821' };
const town2: OrgRef = { code: '441821101', name: '水头镇', parentCode: '441821' };
const village: OrgRef = { code: '441821100201', name: '测试村', parentCode: '441821100' };
const orgs: OrgIndex = {
  countyOf: (code) => (code.startsWith('441821') ? '441821' : undefined),
  findTown: (t) => [town, town2].find((x) => x.name === t || x.code === t),
  findVillage: (townCode, t) => (townCode === village.parentCode && (t === village.name || t === village.code) ? village : undefined),
  byCode: (code) => [town, town2, village].find((x) => x.code === code),
};
const asOf = '2026-11-29';
const id0 = testIdNumber(0);

describe('validatePersonRow', () => {
  it.each<[string, PersonFileRow, string, string]>([
    ['empty name', { name: '' }, 'name', 'REQUIRED'],
    ['a name of 51 characters', { name: '张'.repeat(51) }, 'name', 'TOO_LONG'],
    ['a wrong check character', { idNumber: `${id0.slice(0, 17)}${id0.endsWith('0') ? '1' : '0'}` }, 'idNumber', 'ID_CHECKSUM'],
    ['a short ID number', { idNumber: '4418211980' }, 'idNumber', 'ID_FORMAT'],
    ['a certificate of 19 characters', { certificateNumber: `${id0}4` }, 'certificateNumber', 'CERT_FORMAT'],
    ['a certificate of someone else', { certificateNumber: `${testIdNumber(1)}42` }, 'certificateNumber', 'CERT_ID_MISMATCH'],
    ['a certificate with another category', { category: '视力' }, 'certificateNumber', 'CERT_CATEGORY_MISMATCH'],
    ['a certificate with another level', { level: '一级' }, 'certificateNumber', 'CERT_LEVEL_MISMATCH'],
    ['an unknown category', { category: '其他' }, 'category', 'CATEGORY_INVALID'],
    ['level five', { level: '五级' }, 'level', 'LEVEL_INVALID'],
    ['an unknown town', { town: '广州' }, 'town', 'TOWN_UNKNOWN'],
    ['a village of another town', { town: '水头镇', village: '测试村' }, 'village', 'VILLAGE_UNKNOWN'],
    ['hukou 外籍', { hukou: '外籍' }, 'hukou', 'HUKOU_INVALID'],
    ['gender against the ID', { gender: '女' }, 'gender', 'GENDER_MISMATCH'],
    ['birth date against the ID', { birthDate: '1990-01-01' }, 'birthDate', 'BIRTHDATE_MISMATCH'],
    ['an impossible date', { certificateIssuedOn: '2020-02-30' }, 'certificateIssuedOn', 'DATE_INVALID'],
    [
      'valid until before issue',
      { certificateIssuedOn: '2020-01-01', certificateValidUntil: '2019-12-31' },
      'certificateValidUntil',
      'DATE_ORDER',
    ],
    ['a death tomorrow', { deceasedOn: '2026-11-30' }, 'deceasedOn', 'DATE_ORDER'],
    ['a phone of 5 digits', { phone: '12345' }, 'phone', 'PHONE_INVALID'],
    ['a guardian phone of letters', { guardianPhone: 'abc' }, 'guardianPhone', 'PHONE_INVALID'],
  ])('rejects %s', (_name, override, field, code) => {
    const result = validatePersonRow({ ...buildPersonRow(0), ...override }, { orgs, asOf });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ field, code });
  });

  it('reports every problem of a row, not just the first', () => {
    const result = validatePersonRow({ ...buildPersonRow(0), name: '', phone: '1', town: 'x' }, { orgs, asOf });
    expect(result.ok ? [] : result.problems.map((p) => p.code).sort()).toEqual(['PHONE_INVALID', 'REQUIRED', 'TOWN_UNKNOWN']);
  });

  it('normalises a good row: codes from names, gender and birth date from the ID, validity from the issue date', () => {
    const result = validatePersonRow(
      { ...buildPersonRow(0), idNumber: ` ${id0.toLowerCase()} `, category: '4', level: '2', hukou: '非农业', phone: '+86 138-0000-0001' },
      { orgs, asOf },
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        idNumber: id0,
        gender: 'male',
        birthDate: '1950-01-01',
        category: 'physical',
        level: 2,
        townCode: '441821100',
        countyCode: '441821',
        villageCode: '441821100201',
        hukou: 'urban',
        certificateIssuedOn: '2020-03-15',
        certificateValidUntil: '2030-03-14',
        phone: '13800000001',
      }),
    });
  });
});
