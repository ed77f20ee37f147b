import type { Kysely, Selectable } from 'kysely';
import type { PersonFileKey } from '../../contracts/person-file.ts';
import type { Category } from '../../domain/disability/category.ts';
import type { Level } from '../../domain/disability/level.ts';
import type { DB, PersonTable } from '../../db/tables.ts';
import { inTextList } from '../../db/in-list.ts';
import type { PersonInput } from './person-input.ts';

/** A stored person as the same normalised shape that validation produces, plus what only the database knows. */
export type StoredPerson = PersonInput & { id: number; version: number; status: 'active' | 'deceased' | 'movedOut' };

/** Loads stored persons by ID number (with household number and current certificate dates), in batches. */
export async function loadByIdNumbers(db: Kysely<DB>, idNumbers: readonly string[]): Promise<Map<string, StoredPerson>> {
  const found = new Map<string, StoredPerson>();
  for (let i = 0; i < idNumbers.length; i += 10_000) {
    const batch = idNumbers.slice(i, i + 10_000);
    const rows = await storedPersonQuery(db)
      .where((eb) => inTextList(db, eb.ref('person.id_number'), batch))
      .execute();
    for (const r of rows) found.set(r.id_number as string, toStored(r));
  }
  return found;
}

/** Loads one stored person by id, unscoped: callers check scope first. */
export async function loadById(db: Kysely<DB>, id: number): Promise<StoredPerson | undefined> {
  const row = await storedPersonQuery(db).where('person.id', '=', id).executeTakeFirst();
  return row && toStored(row);
}

function storedPersonQuery(db: Kysely<DB>) {
  return db
    .selectFrom('person')
    .leftJoin('household', 'household.id', 'person.household_id')
    .leftJoin('certificate', (j) => j.onRef('certificate.person_id', '=', 'person.id').on('certificate.ended_on', 'is', null))
    .selectAll('person')
    .select(['household.household_no', 'certificate.issued_on']);
}

type Row = Selectable<PersonTable> & { household_no: string | null; issued_on: string | null };

function toStored(r: Row): StoredPerson {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    name: r.name,
    idNumber: r.id_number ?? '',
    gender: r.gender ?? 'male',
    birthDate: r.birth_date ?? '',
    residencePermit: (r.residence_permit as StoredPerson['residencePermit']) ?? null,
    certificateNumber: r.certificate_number ?? '',
    category: r.category as Category,
    level: r.level as Level,
    townCode: r.town_code,
    countyCode: r.county_code,
    villageCode: r.village_code,
    hukou: r.hukou,
    certificateIssuedOn: r.issued_on,
    certificateValidUntil: r.certificate_valid_until,
    phone: r.phone,
    householdNo: r.household_no,
    guardianName: r.guardian_name,
    guardianPhone: r.guardian_phone,
    deceasedOn: r.deceased_on,
  };
}

/** Optional file columns and the input fields they fill: a column missing from a file leaves the field as stored. */
const optionalColumns: Partial<Record<PersonFileKey, (keyof PersonInput)[]>> = {
  village: ['villageCode'],
  hukou: ['hukou'],
  certificateIssuedOn: ['certificateIssuedOn'],
  certificateValidUntil: ['certificateValidUntil'],
  phone: ['phone'],
  householdNo: ['householdNo'],
  guardianName: ['guardianName'],
  guardianPhone: ['guardianPhone'],
  deceasedOn: ['deceasedOn'],
};

/** The input with every field whose column the file did not have taken from the stored person. */
export function mergeAbsentColumns(stored: PersonInput, input: PersonInput, present: ReadonlySet<PersonFileKey>): PersonInput {
  const merged: Record<string, unknown> = { ...input };
  for (const [column, fields] of Object.entries(optionalColumns)) {
    if (present.has(column as PersonFileKey)) continue;
    for (const f of fields ?? []) merged[f] = stored[f];
  }
  return merged as PersonInput;
}

const comparedFields: (keyof PersonInput)[] = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'residencePermit',
  'certificateNumber',
  'category',
  'level',
  'townCode',
  'countyCode',
  'villageCode',
  'hukou',
  'certificateIssuedOn',
  'certificateValidUntil',
  'phone',
  'householdNo',
  'guardianName',
  'guardianPhone',
  'deceasedOn',
];

/** The fields whose values differ between two persons. */
export function changedFields(before: PersonInput, after: PersonInput): (keyof PersonInput)[] {
  return comparedFields.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}

/** The certificate fields: a change to any of them starts a new certificate row. */
export const certificateFields: readonly (keyof PersonInput)[] = [
  'certificateNumber',
  'category',
  'level',
  'certificateIssuedOn',
  'certificateValidUntil',
];

/** The plain values of a person for the change history (PersonInput fields only). */
export function historyValues(p: PersonInput): Record<string, unknown> {
  return Object.fromEntries(comparedFields.map((f) => [f, p[f] ?? null]));
}
