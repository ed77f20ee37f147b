/**
 * Builds one demo person (a persons-file row, FORMATS.md §3) inside a given household.
 */
import type { PersonFileRow } from '../../contracts/person-file.ts';
import { type Category, categoryName, isIntellectualOrMental } from '../../domain/disability/category.ts';
import { type Level, levelName } from '../../domain/disability/level.ts';
import { buildCertificateNumber } from '../../domain/identity/certificate-number.ts';
import { formatDay } from './days.ts';
import {
  ageBracketWeights,
  categoryWeights,
  childCategoryWeights,
  demoRates,
  idRegionWeights,
  intellectualMentalLevelWeights,
  otherLevelWeights,
  permitRegions,
} from './distributions.ts';
import type { IdAllocator } from './id-allocator.ts';
import { ageInYears, pickBirthDay, pickCertificateDays, pickDeceasedDay } from './life-dates.ts';
import { pickGivenName, pickMobile, pickSurname } from './names.ts';
import { type Random, weightedPicker } from './random.ts';

/** A demo person: a persons-file row whose always-filled columns are required. */
export type DemoPerson = Required<
  Pick<
    PersonFileRow,
    | 'name'
    | 'idNumber'
    | 'certificateNumber'
    | 'category'
    | 'level'
    | 'town'
    | 'village'
    | 'gender'
    | 'birthDate'
    | 'certificateIssuedOn'
    | 'certificateValidUntil'
    | 'householdNo'
  >
> &
  Pick<PersonFileRow, 'hukou' | 'phone' | 'guardianName' | 'guardianPhone' | 'deceasedOn'>;

/** The household a person is generated into; its members share town, village, hukou and number. */
export type DemoHousehold = {
  readonly townCode: string;
  readonly villageCode: string;
  readonly hukou: 'urban' | 'rural';
  readonly householdNo: string;
  readonly surname: string;
  /** More than one member: Hong Kong/Macao permit holders (no mainland hukou) are then excluded. */
  readonly shared: boolean;
};

const pickAgeBracket = weightedPicker(ageBracketWeights);
const pickRegion = weightedPicker(idRegionWeights);
const pickMainlandRegion = weightedPicker(idRegionWeights.filter(([code]) => !permitRegions.includes(code)));
const pickAdultCategory = weightedPicker(categoryWeights);
const pickChildCategory = weightedPicker(childCategoryWeights);
const pickIntellectualMentalLevel = weightedPicker(intellectualMentalLevelWeights);
const pickOtherLevel = weightedPicker(otherLevelWeights);

/** Own mobile phone, by age: children use their guardian's. */
function pickPhone(random: Random, age: number): string | undefined {
  if (age < 16) {
    return undefined;
  }
  const rate = age < 18 ? demoRates.phoneAged16To17 : age < 80 ? demoRates.phoneAged18To79 : demoRates.phoneAged80Plus;
  return random.chance(rate) ? pickMobile(random) : undefined;
}

/** Probability of a guardian: every minor; adults with an intellectual or mental disability, by level. */
function guardianRate(minor: boolean, category: Category, level: Level): number {
  if (minor) {
    return 1;
  }
  if (!isIntellectualOrMental(category)) {
    return 0;
  }
  return level <= 2 ? demoRates.guardianSevereIntellectualMental : demoRates.guardianMildIntellectualMental;
}

/** A guardian for every minor and for many intellectual/mental persons, else undefined. */
function pickGuardian(
  random: Random,
  age: number,
  category: Category,
  level: Level,
  surname: string,
): { guardianName: string; guardianPhone: string } | undefined {
  const minor = age < 18;
  if (!random.chance(guardianRate(minor, category, level))) {
    return undefined;
  }
  const sameSurnameRate = minor ? demoRates.guardianSameSurnameForMinor : demoRates.guardianSameSurnameForAdult;
  const guardianSurname = random.chance(sameSurnameRate) ? surname : pickSurname(random);
  const guardianName = guardianSurname + pickGivenName(random, random.chance(0.5));
  return { guardianName, guardianPhone: pickMobile(random) };
}

/** Category by age (children have their own mix), then level by category. */
function pickDisability(random: Random, age: number): { category: Category; level: Level } {
  const category = age < 16 ? pickChildCategory(random) : pickAdultCategory(random);
  const level = isIntellectualOrMental(category) ? pickIntellectualMentalLevel(random) : pickOtherLevel(random);
  return { category, level };
}

/** The optional columns of a person; keys of absent values are left out. */
type OptionalColumns = Pick<DemoPerson, 'hukou' | 'phone' | 'guardianName' | 'guardianPhone' | 'deceasedOn'>;

/** Fills the optional columns: hukou (none for HK/Macao permit holders), phone, guardian, death. */
function optionalColumns(
  random: Random,
  person: { region: string; hukou: 'urban' | 'rural'; age: number; category: Category; level: Level; surname: string },
  deceasedDay: number | undefined,
): OptionalColumns {
  const columns: OptionalColumns = {};
  if (!permitRegions.includes(person.region)) {
    columns.hukou = person.hukou === 'urban' ? '城镇' : '农村';
  }
  const phone = pickPhone(random, person.age);
  if (phone !== undefined) {
    columns.phone = phone;
  }
  const guardian = pickGuardian(random, person.age, person.category, person.level, person.surname);
  if (guardian !== undefined) {
    columns.guardianName = guardian.guardianName;
    columns.guardianPhone = guardian.guardianPhone;
  }
  if (deceasedDay !== undefined) {
    columns.deceasedOn = formatDay(deceasedDay);
  }
  return columns;
}

/** Generates one person of `household`; `member` is the person's position in it (0 for the first). */
export function buildDemoPerson(random: Random, ids: IdAllocator, asOfDay: number, household: DemoHousehold, member: number): DemoPerson {
  const male = random.chance(demoRates.male);
  const [fromYears, toYears] = pickAgeBracket(random);
  const region = household.shared ? pickMainlandRegion(random) : pickRegion(random);
  const { idNumber, birthDay } = ids.allocate(region, pickBirthDay(random, asOfDay, fromYears, toYears), male);
  const age = ageInYears(birthDay, asOfDay);
  const { category, level } = pickDisability(random, age);
  const { issuedOn, validUntil } = pickCertificateDays(random, birthDay, asOfDay);
  const deceasedDay = pickDeceasedDay(random, age, issuedOn, asOfDay);
  const keepsSurname = member === 0 || random.chance(demoRates.sameSurnameInHousehold);
  const surname = keepsSurname ? household.surname : pickSurname(random);
  const name = surname + pickGivenName(random, male);
  const { hukou } = household;
  return {
    name,
    idNumber,
    certificateNumber: buildCertificateNumber(idNumber, category, level),
    category: categoryName(category),
    level: levelName(level),
    town: household.townCode,
    village: household.villageCode,
    gender: male ? '男' : '女',
    birthDate: formatDay(birthDay),
    certificateIssuedOn: formatDay(issuedOn),
    certificateValidUntil: formatDay(validUntil),
    householdNo: household.householdNo,
    ...optionalColumns(random, { region, hukou, age, category, level, surname }, deceasedDay),
  };
}
