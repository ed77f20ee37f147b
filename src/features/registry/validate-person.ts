import type { ErrorCode } from '../../contracts/errors.ts';
import type { PersonFileKey, PersonFileRow } from '../../contracts/person-file.ts';
import { parseCategory } from '../../domain/disability/category.ts';
import { parseLevel } from '../../domain/disability/level.ts';
import { certificateMismatches, parseCertificateNumber } from '../../domain/identity/certificate-number.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { parseGender, parseHukou } from '../../domain/identity/person-attributes.ts';
import { parsePhone } from '../../domain/identity/phone.ts';
import { addDays, addYears, compareDays, type Day } from '../../domain/time/day.ts';
import { parseDateText } from '../../domain/time/parse-date.ts';
import type { Result } from '../../domain/result.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { PersonInput } from './person-input.ts';

/** One problem in one field of a person row. */
export type FieldProblem = { field: PersonFileKey; code: ErrorCode };

/** What validation needs besides the row: the org units and today's date. */
export type ValidationContext = { orgs: OrgIndex; asOf: Day };

/** The outcome of validating one row: the normalised person, or every problem found (not just the first). */
export type RowValidation = { ok: true; value: PersonInput } | { ok: false; problems: FieldProblem[] };

const maxText = 50;

/** Validates one persons-file row (FORMATS.md §3) against DOMAIN.md §2–3 and the org units. */
export function validatePersonRow(row: PersonFileRow, ctx: ValidationContext): RowValidation {
  const problems: FieldProblem[] = [];
  const text = (field: PersonFileKey) => (row[field] ?? '').trim();
  const req = (field: PersonFileKey): string | undefined => {
    const v = text(field);
    if (!v) problems.push({ field, code: 'REQUIRED' });
    return v || undefined;
  };
  const take = <T>(field: PersonFileKey, r: Result<T, ErrorCode>): T | undefined => {
    if (r.ok) return r.value;
    problems.push({ field, code: r.code });
    return undefined;
  };
  const optional = <T>(field: PersonFileKey, parse: (s: string) => Result<T, ErrorCode>): T | null | undefined => {
    const v = text(field);
    return v ? take(field, parse(v)) : null;
  };
  const limited = (field: PersonFileKey, v: string | undefined | null): string | undefined | null => {
    if (v && [...v].length > maxText) return void problems.push({ field, code: 'TOO_LONG' });
    return v;
  };

  const name = limited('name', req('name'));
  const rawId = req('idNumber');
  const id = rawId === undefined ? undefined : take('idNumber', parseIdNumber(rawId, ctx.asOf));
  const rawCert = req('certificateNumber');
  const rawCategory = req('category');
  const category = rawCategory === undefined ? undefined : take('category', parseCategory(rawCategory));
  const rawLevel = req('level');
  const level = rawLevel === undefined ? undefined : take('level', parseLevel(rawLevel));
  const cert = rawCert === undefined ? undefined : take('certificateNumber', parseCertificateNumber(rawCert));
  if (cert && id && category && level) {
    for (const code of certificateMismatches(cert, { idNumber: id.idNumber, category, level })) {
      problems.push({ field: 'certificateNumber', code });
    }
  }

  const town = place(text('town'), text('village'), ctx.orgs, problems);
  const hukou = optional('hukou', parseHukou);
  const gender = optional('gender', parseGender);
  if (gender && id && gender !== id.gender) problems.push({ field: 'gender', code: 'GENDER_MISMATCH' });
  const birthDate = optional('birthDate', parseDateText);
  if (birthDate && id && birthDate !== id.birthDate) problems.push({ field: 'birthDate', code: 'BIRTHDATE_MISMATCH' });
  const issuedOn = optional('certificateIssuedOn', parseDateText);
  const validUntilGiven = optional('certificateValidUntil', parseDateText);
  // A certificate is valid 10 years from issue (残疾人证管理办法 art. 19) unless the file says otherwise.
  const validUntil = validUntilGiven ?? (issuedOn ? addDays(addYears(issuedOn, 10), -1) : null);
  if (issuedOn && validUntil && compareDays(validUntil, issuedOn) < 0)
    problems.push({ field: 'certificateValidUntil', code: 'DATE_ORDER' });
  if (issuedOn && compareDays(issuedOn, ctx.asOf) > 0) problems.push({ field: 'certificateIssuedOn', code: 'DATE_ORDER' });
  const deceasedOn = optional('deceasedOn', parseDateText);
  if (deceasedOn && compareDays(deceasedOn, ctx.asOf) > 0) problems.push({ field: 'deceasedOn', code: 'DATE_ORDER' });
  const phone = optional('phone', parsePhone);
  const guardianPhone = optional('guardianPhone', parsePhone);
  const householdNo = limited('householdNo', text('householdNo') || null);
  const guardianName = limited('guardianName', text('guardianName') || null);

  if (problems.length > 0 || !name || !id || !cert || !category || !level || !town) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      idNumber: id.idNumber,
      gender: id.gender,
      birthDate: id.birthDate,
      residencePermit: id.residencePermit,
      certificateNumber: cert.certificateNumber,
      category,
      level,
      ...town,
      hukou: hukou ?? null,
      certificateIssuedOn: issuedOn ?? null,
      certificateValidUntil: validUntil ?? null,
      phone: phone ?? null,
      householdNo: householdNo ?? null,
      guardianName: guardianName ?? null,
      guardianPhone: guardianPhone ?? null,
      deceasedOn: deceasedOn ?? null,
    },
  };
}

function place(townText: string, villageText: string, orgs: OrgIndex, problems: FieldProblem[]) {
  if (!townText) return void problems.push({ field: 'town', code: 'REQUIRED' });
  const town = orgs.findTown(townText);
  if (!town) return void problems.push({ field: 'town', code: 'TOWN_UNKNOWN' });
  const countyCode = orgs.countyOf(town.code) ?? town.code.slice(0, 6);
  if (!villageText) return { townCode: town.code, countyCode, villageCode: null };
  const village = orgs.findVillage(town.code, villageText);
  if (!village) return void problems.push({ field: 'village', code: 'VILLAGE_UNKNOWN' });
  return { townCode: town.code, countyCode, villageCode: village.code };
}
