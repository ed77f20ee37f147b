import { describe, expect, it } from 'vitest';
import { idCheckChar, maskIdNumber, normaliseIdNumber, parseIdNumber } from './id-number.ts';

const asOf = '2025-12-31';

describe('normaliseIdNumber', () => {
  it.each([
    ['441821198001010011', '441821198001010011'],
    ['  441821198001010011  ', '441821198001010011'],
    ['\u3000441821198001010011\u3000', '441821198001010011'],
    ['\t441821198001010011\r\n', '441821198001010011'],
    ['\ufeff441821198001010011', '441821198001010011'],
    ['４４１８２１１９８００１０１００１１', '441821198001010011'],
    ['34052419800101001x', '34052419800101001X'],
    ['34052419800101001ｘ', '34052419800101001X'],
    ['34052419800101001Ｘ', '34052419800101001X'],
    ['441821 19800101 0011', '441821198001010011'],
    ['', ''],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseIdNumber(raw)).toBe(expected);
  });
});

describe('idCheckChar', () => {
  it.each([
    ['34052419800101001', 'X'],
    ['11010519491231002', 'X'],
    ['81000019940823002', '1'],
    ['44030819990110151', '2'],
    ['44182119800101001', '1'],
    ['44182119800101002', 'X'],
    ['82000019900101003', '7'],
    ['441821198001010011', '1'],
    ['4418211980010100', ''],
    ['4418211980010100A', ''],
    ['', ''],
  ])('%s → %j', (first17, expected) => {
    expect(idCheckChar(first17)).toBe(expected);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it.each([
    ['34052419800101001X', '340524', '1980-01-01', 'male', null],
    ['34052419800101001x', '340524', '1980-01-01', 'male', null],
    ['11010519491231002X', '110105', '1949-12-31', 'female', null],
    ['440308199901101512', '440308', '1999-01-10', 'male', null],
    ['441821198001010011', '441821', '1980-01-01', 'male', null],
    ['44182119800101002X', '441821', '1980-01-01', 'female', null],
    ['441821200002290027', '441821', '2000-02-29', 'female', null],
    ['441821189001010017', '441821', '1890-01-01', 'male', null],
    ['441821202512310023', '441821', '2025-12-31', 'female', null],
    ['810000199408230021', '810000', '1994-08-23', 'female', 'hk'],
    ['820000199001010037', '820000', '1990-01-01', 'male', 'mo'],
    ['830000199001010047', '830000', '1990-01-01', 'female', 'tw'],
    [' ４４１８２１１９８００１０１００１１ ', '441821', '1980-01-01', 'male', null],
  ])('%j', (raw, regionCode, birthDate, gender, residencePermit) => {
    const idNumber = normaliseIdNumber(raw);
    expect(parseIdNumber(raw, asOf)).toEqual({ ok: true, value: { idNumber, regionCode, birthDate, gender, residencePermit } });
  });
});

describe('parseIdNumber: invalid numbers', () => {
  it.each([
    ['340524198001010013', 'ID_CHECKSUM'],
    ['34052419800101001Y', 'ID_FORMAT'],
    ['441821198001010012', 'ID_CHECKSUM'],
    ['44182119800101001X', 'ID_CHECKSUM'],
    ['810000199408230022', 'ID_CHECKSUM'],
    ['44182119800101001', 'ID_FORMAT'],
    ['4418211980010100111', 'ID_FORMAT'],
    ['441821800101001', 'ID_FORMAT'],
    ['', 'ID_FORMAT'],
    ['4418211980010100X1', 'ID_FORMAT'],
    ['X41821198001010011', 'ID_FORMAT'],
    ['44182119800101001-', 'ID_FORMAT'],
    ['910000198001010018', 'ID_FORMAT'],
    ['041821198001010011', 'ID_FORMAT'],
    ['441821198002300011', 'ID_BIRTHDATE'],
    ['441821190002290011', 'ID_BIRTHDATE'],
    ['441821198013010011', 'ID_BIRTHDATE'],
    ['441821198000010011', 'ID_BIRTHDATE'],
    ['441821198001000011', 'ID_BIRTHDATE'],
    ['441821202601010014', 'ID_BIRTHDATE'],
    ['441821188912310016', 'ID_BIRTHDATE'],
    ['441821000001010011', 'ID_BIRTHDATE'],
    ['441821198002300010', 'ID_BIRTHDATE'],
  ])('%j → %s', (raw, code) => {
    expect(parseIdNumber(raw, asOf)).toEqual({ ok: false, code });
  });

  it.each([
    ['2025-12-30', 'ID_BIRTHDATE'],
    ['2025-12-31', null],
    ['2026-01-01', null],
  ])('a person born 2025-12-31, as of %s → %s', (day, code) => {
    const result = parseIdNumber('441821202512310023', day);
    expect(result.ok ? null : result.code).toBe(code);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['441821198001010011', '441821********0011'],
    ['34052419800101001X', '340524********001X'],
    ['441821800101001', '44************1'],
    ['4418', '44*8'],
    ['441', '***'],
    ['44', '**'],
    ['', ''],
  ])('%j → %j', (id, expected) => {
    expect(maskIdNumber(id)).toBe(expected);
  });

  it('always returns 18 characters for an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });
});
