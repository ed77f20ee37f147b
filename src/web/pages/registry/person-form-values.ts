import type { PersonDetail } from '../../../contracts/persons.ts';

/** The editable fields, as the form holds them (text; '' = empty). */
export const formFields = [
  'name',
  'idNumber',
  'certificateNumber',
  'category',
  'level',
  'town',
  'village',
  'hukou',
  'certificateIssuedOn',
  'certificateValidUntil',
  'phone',
  'householdNo',
  'guardianName',
  'guardianPhone',
] as const;

/** One editable field. */
export type FormField = (typeof formFields)[number];
/** The form's values. */
export type FormValues = Record<FormField, string>;

/** Fields the API shows masked: in the edit form they start empty and are sent only when typed. */
export const maskedFields: readonly FormField[] = ['idNumber', 'certificateNumber', 'phone', 'guardianPhone'];

/** Fields that must not be empty when creating; when editing, the masked ones may stay empty (= unchanged). */
export const requiredFields: readonly FormField[] = ['name', 'idNumber', 'certificateNumber', 'category', 'level', 'town'];

/** An empty form. */
export const emptyValues = Object.fromEntries(formFields.map((f) => [f, ''])) as FormValues;

/** The form values of a stored person (masked numbers left empty). */
export function valuesOf(p: PersonDetail): FormValues {
  return {
    ...emptyValues,
    name: p.name,
    category: p.category ?? '',
    level: p.level ? String(p.level) : '',
    town: p.town,
    village: p.village ?? '',
    hukou: p.hukou ?? '',
    certificateIssuedOn: p.certificates?.[0]?.issuedOn ?? '',
    certificateValidUntil: p.certificateValidUntil ?? '',
    householdNo: p.householdNo ?? '',
    guardianName: p.guardianName ?? '',
  };
}

/** The PATCH fields: what differs from the values read, masked fields only when typed; '' clears to null. */
export function patchOf(read: FormValues, edited: FormValues): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const f of formFields) {
    if (edited[f] === read[f]) continue;
    if (maskedFields.includes(f) && edited[f] === '') continue;
    patch[f] = edited[f] === '' ? null : edited[f].trim();
  }
  return patch;
}

/** The POST body of a new person: empty optional fields left out. */
export function createBodyOf(values: FormValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
}
