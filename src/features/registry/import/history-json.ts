import type { PersonInput } from '../person-input.ts';

/**
 * The history entry of an imported person: the same text as `JSON.stringify(historyValues(p))`, built from one
 * object literal with the keys in the same order, which is several times faster for a whole file (a test keeps
 * the two equal).
 */
export function historyJson(p: PersonInput): string {
  return JSON.stringify({
    name: p.name,
    idNumber: p.idNumber,
    gender: p.gender,
    birthDate: p.birthDate,
    residencePermit: p.residencePermit ?? null,
    certificateNumber: p.certificateNumber,
    category: p.category,
    level: p.level,
    townCode: p.townCode,
    countyCode: p.countyCode,
    villageCode: p.villageCode ?? null,
    hukou: p.hukou ?? null,
    certificateIssuedOn: p.certificateIssuedOn ?? null,
    certificateValidUntil: p.certificateValidUntil ?? null,
    phone: p.phone ?? null,
    householdNo: p.householdNo ?? null,
    guardianName: p.guardianName ?? null,
    guardianPhone: p.guardianPhone ?? null,
    deceasedOn: p.deceasedOn ?? null,
  });
}
