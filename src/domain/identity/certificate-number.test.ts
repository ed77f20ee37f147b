import { describe, expect, it } from 'vitest';
import type { Category } from '../disability/category.ts';
import type { Level } from '../disability/level.ts';
import {
  type CertificateCategoryDigits,
  buildCertificateNumber,
  certificateCategoryDigits,
  certificateMismatches,
  normaliseCertificateNumber,
  parseCertificateNumber,
} from './certificate-number.ts';

const id = '441821198001010011';

describe('certificateCategoryDigits', () => {
  it.each([
    ['1', 'visual'],
    ['2', 'hearing'],
    ['3', 'speech'],
    ['4', 'physical'],
    ['5', 'intellectual'],
    ['6', 'mental'],
    ['7', 'multiple'],
  ] as const)('%s → %s (policy-sources.md §1)', (digit, category) => {
    expect(certificateCategoryDigits[digit]).toBe(category);
  });
});

describe('normaliseCertificateNumber', () => {
  it.each([
    [' 44182119800101001142 ', '44182119800101001142'],
    ['34052419800101001x41', '34052419800101001X41'],
    ['４４１８２１１９８００１０１００１１４２', '44182119800101001142'],
    ['\u300044182119800101001142\u3000', '44182119800101001142'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseCertificateNumber(raw)).toBe(expected);
  });
});

describe('parseCertificateNumber', () => {
  it.each([
    ['44182119800101001142', id, 'physical', 2],
    ['44182119800101001141', id, 'physical', 1],
    ['44182119800101001111', id, 'visual', 1],
    ['44182119800101001124', id, 'hearing', 4],
    ['44182119800101001133', id, 'speech', 3],
    ['44182119800101001153', id, 'intellectual', 3],
    ['44182119800101001164', id, 'mental', 4],
    ['44182119800101001172', id, 'multiple', 2],
    ['34052419800101001x41', '34052419800101001X', 'physical', 1],
    [' 81000019940823002161 ', '810000199408230021', 'mental', 1],
    // Format only: the ID part's own check character is not verified here.
    ['34052419800101001342', '340524198001010013', 'physical', 2],
  ])('%j → %s, %s, level %i', (raw, idNumber, category, level) => {
    expect(parseCertificateNumber(raw)).toEqual({
      ok: true,
      value: { certificateNumber: normaliseCertificateNumber(raw), idNumber, category, level },
    });
  });

  it.each([
    [''],
    [id],
    ['4418211980010100114'],
    ['441821198001010011421'],
    ['44182119800101001182'],
    ['44182119800101001102'],
    ['44182119800101001145'],
    ['44182119800101001140'],
    ['4418211980010100X142'],
    ['441821198001010011X2'],
    ['4418211980010100114X'],
    ['441821198001010011-4-2'],
    ['A4182119800101001142'],
  ])('%j → CERT_FORMAT', (raw) => {
    expect(parseCertificateNumber(raw)).toEqual({ ok: false, code: 'CERT_FORMAT' });
  });

  it('reads the category digit through a configured map', () => {
    const swapped: CertificateCategoryDigits = { ...certificateCategoryDigits, '1': 'hearing', '2': 'visual' };
    const parsed = parseCertificateNumber('44182119800101001112', swapped);
    expect(parsed.ok && parsed.value.category).toBe('hearing');
  });
});

describe('certificateMismatches', () => {
  const cert = { certificateNumber: `${id}42`, idNumber: id, category: 'physical' as Category, level: 2 as Level };
  it.each([
    [{ idNumber: id, category: 'physical', level: 2 }, []],
    [{ idNumber: ` ${id} `, category: 'physical', level: 2 }, []],
    [{ idNumber: '44182119800101002X', category: 'physical', level: 2 }, ['CERT_ID_MISMATCH']],
    [{ idNumber: id, category: 'visual', level: 2 }, ['CERT_CATEGORY_MISMATCH']],
    [{ idNumber: id, category: 'physical', level: 1 }, ['CERT_LEVEL_MISMATCH']],
    [{ idNumber: id, category: 'mental', level: 3 }, ['CERT_CATEGORY_MISMATCH', 'CERT_LEVEL_MISMATCH']],
    [
      { idNumber: '340524198001010013', category: 'multiple', level: 4 },
      ['CERT_ID_MISMATCH', 'CERT_CATEGORY_MISMATCH', 'CERT_LEVEL_MISMATCH'],
    ],
  ] as const)('%j → %j', (person, expected) => {
    expect(certificateMismatches(cert, person)).toEqual(expected);
  });
});

describe('buildCertificateNumber', () => {
  it.each([
    [id, 'physical', 2, '44182119800101001142'],
    [id, 'visual', 1, '44182119800101001111'],
    [id, 'multiple', 4, '44182119800101001174'],
    ['34052419800101001x', 'intellectual', 3, '34052419800101001X53'],
  ] as const)('%s, %s, %i → %s', (idNumber, category, level, expected) => {
    expect(buildCertificateNumber(idNumber, category, level)).toBe(expected);
  });

  it.each(Object.entries(certificateCategoryDigits))('round-trips category digit %s (%s)', (_, category) => {
    const built = buildCertificateNumber(id, category, 3);
    expect(parseCertificateNumber(built)).toEqual({ ok: true, value: { certificateNumber: built, idNumber: id, category, level: 3 } });
  });
});
