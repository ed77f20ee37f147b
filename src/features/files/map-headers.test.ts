import { describe, expect, it } from 'vitest';
import { personFileColumns } from '../../contracts/person-file.ts';
import { headerKey, mapHeaders } from './map-headers.ts';

describe('mapHeaders', () => {
  it('maps Chinese headers to keys and positions', () => {
    const headers = personFileColumns.map((column) => column.header);
    const mapped = mapHeaders(headers, personFileColumns);
    expect(mapped.problems).toEqual([]);
    expect(mapped.unknown).toEqual([]);
    expect(mapped.index.get('name')).toBe(0);
    expect(mapped.index.get('deceasedOn')).toBe(16);
    expect(mapped.index.size).toBe(personFileColumns.length);
  });

  it('accepts English keys in any case, spaces, full-width parentheses and * marks', () => {
    const mapped = mapHeaders(['IDNUMBER', ' *姓名 ', '村（社区）', 'Certificate Number', '残疾类别*', 'level', 'TOWN'], personFileColumns);
    expect(mapped.problems).toEqual([]);
    expect(Object.fromEntries(mapped.index)).toEqual({
      idNumber: 0,
      name: 1,
      village: 2,
      certificateNumber: 3,
      category: 4,
      level: 5,
      town: 6,
    });
  });

  it('names each missing required column by its Chinese header', () => {
    const mapped = mapHeaders(['姓名', '户籍镇', '联系电话'], personFileColumns);
    expect(mapped.problems).toEqual([
      { code: 'HEADER_MISSING', column: '公民身份号码' },
      { code: 'HEADER_MISSING', column: '残疾人证号' },
      { code: 'HEADER_MISSING', column: '残疾类别' },
      { code: 'HEADER_MISSING', column: '残疾等级' },
    ]);
  });

  it('lists unknown and repeated headers, ignores blank ones, and uses the first of a repeat', () => {
    const mapped = mapHeaders(['姓名', '', '备注', 'name', '公民身份号码'], personFileColumns);
    expect(mapped.unknown).toEqual(['备注']);
    expect(mapped.duplicates).toEqual(['name']);
    expect(mapped.index.get('name')).toBe(0);
    expect(mapped.index.get('idNumber')).toBe(4);
  });
});

describe('headerKey', () => {
  it('normalises width, case and spacing', () => {
    expect(headerKey(' 村（社区） ')).toBe(headerKey('村(社区)'));
    expect(headerKey('ＩＤ Number')).toBe('idnumber');
    expect(headerKey('\u3000姓名\u3000')).toBe('姓名');
  });
});
