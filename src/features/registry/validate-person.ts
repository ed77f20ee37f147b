import type { PersonFileRow } from '../../contracts/person-file.ts';
import { parseCategory } from '../../domain/disability/category.ts';
import { parseLevel } from '../../domain/disability/level.ts';
import { certificateMismatches, parseCertificateNumber } from '../../domain/identity/certificate-number.ts';
import { type IdNumberInfo, parseIdNumber } from '../../domain/identity/id-number.ts';
import { parseGender, parseHukou } from '../../domain/identity/person-attributes.ts';
import { parsePhone } from '../../domain/identity/phone.ts';
import { addDays, addYears, compareDays, type Day } from '../../domain/time/day.ts';
import { parseDateText } from '../../domain/time/parse-date.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { PersonInput } from './person-input.ts';
import { type FieldProblem, RowReader } from './row-reader.ts';

export type { FieldProblem } from './row-reader.ts';

/** What validation needs besides the row: the org units and today's date. */
export type ValidationContext = { orgs: OrgIndex; asOf: Day };

/** The outcome of validating one row: the normalised person, or every problem found (not just the first). */
export type RowValidation = { ok: true; value: PersonInput } | { ok: false; problems: FieldProblem[] };

/** Validates one persons-file row (FORMATS.md §3) against DOMAIN.md §2–3 and the org units. */
export function validatePersonRow(row: PersonFileRow, ctx: ValidationContext): RowValidation {
  const r = new RowReader(row);
  const name = r.limited('name', true);
  const id = r.required('idNumber', (s) => parseIdNumber(s, ctx.asOf));
  const certificate = readCertificate(r, id);
  const where = readPlace(r, ctx.orgs);
  checkAgainstId(r, id);
  const dates = readDates(r, ctx.asOf);
  const hukou = r.optional('hukou', parseHukou);
  const phone = r.optional('phone', parsePhone);
  const guardianPhone = r.optional('guardianPhone', parsePhone);
  const householdNo = r.limited('householdNo');
  const guardianName = r.limited('guardianName');
  if (r.problems.length > 0 || !name || !id || !certificate || !where || !dates) return { ok: false, problems: r.problems };
  return {
    ok: true,
    value: {
      name,
      idNumber: id.idNumber,
      gender: id.gender,
      birthDate: id.birthDate,
      residencePermit: id.residencePermit,
      ...certificate,
      ...where,
      ...dates,
      hukou: hukou ?? null,
      phone: phone ?? null,
      householdNo: householdNo ?? null,
      guardianName: guardianName ?? null,
      guardianPhone: guardianPhone ?? null,
    },
  };
}

/** Category, level and the certificate number that must encode them and the ID number. */
function readCertificate(r: RowReader, id: IdNumberInfo | undefined) {
  const cert = r.required('certificateNumber', (s) => parseCertificateNumber(s));
  const category = r.required('category', parseCategory);
  const level = r.required('level', parseLevel);
  if (!cert || !category || !level) return undefined;
  if (id) for (const code of certificateMismatches(cert, { idNumber: id.idNumber, category, level })) r.fail('certificateNumber', code);
  return { certificateNumber: cert.certificateNumber, category, level };
}

/** Gender and birth date are optional, but when given they must agree with the ID number. */
function checkAgainstId(r: RowReader, id: IdNumberInfo | undefined): void {
  const gender = r.optional('gender', parseGender);
  if (gender && id && gender !== id.gender) r.fail('gender', 'GENDER_MISMATCH');
  const birthDate = r.optional('birthDate', parseDateText);
  if (birthDate && id && birthDate !== id.birthDate) r.fail('birthDate', 'BIRTHDATE_MISMATCH');
}

/** Certificate dates and the date of death, none of them after today. */
function readDates(r: RowReader, asOf: Day) {
  const issuedOn = r.optional('certificateIssuedOn', parseDateText);
  const given = r.optional('certificateValidUntil', parseDateText);
  const deceasedOn = r.optional('deceasedOn', parseDateText);
  if (issuedOn === undefined || given === undefined || deceasedOn === undefined) return undefined;
  // A certificate is valid 10 years from issue (残疾人证管理办法 art. 19) unless the file says otherwise.
  const validUntil = given ?? (issuedOn ? addDays(addYears(issuedOn, 10), -1) : null);
  if (issuedOn && validUntil && compareDays(validUntil, issuedOn) < 0) r.fail('certificateValidUntil', 'DATE_ORDER');
  if (issuedOn && compareDays(issuedOn, asOf) > 0) r.fail('certificateIssuedOn', 'DATE_ORDER');
  if (deceasedOn && compareDays(deceasedOn, asOf) > 0) r.fail('deceasedOn', 'DATE_ORDER');
  return { certificateIssuedOn: issuedOn, certificateValidUntil: validUntil, deceasedOn };
}

/** The town (name or code) and the village within it. */
function readPlace(r: RowReader, orgs: OrgIndex) {
  const townText = r.text('town');
  if (!townText) return r.fail('town', 'REQUIRED');
  const town = orgs.findTown(townText);
  if (!town) return r.fail('town', 'TOWN_UNKNOWN');
  const countyCode = orgs.countyOf(town.code) ?? town.code.slice(0, 6);
  const villageText = r.text('village');
  if (!villageText) return { townCode: town.code, countyCode, villageCode: null };
  const village = orgs.findVillage(town.code, villageText);
  if (!village) return r.fail('village', 'VILLAGE_UNKNOWN');
  return { townCode: town.code, countyCode, villageCode: village.code };
}
