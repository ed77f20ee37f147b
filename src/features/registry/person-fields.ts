import { AppError } from '../../contracts/app-error.ts';
import { errorCatalog } from '../../contracts/errors.ts';
import { personFileColumns, type PersonFileRow } from '../../contracts/person-file.ts';
import type { PersonFields } from '../../contracts/persons.ts';
import type { Day } from '../../domain/time/day.ts';
import type { OrgIndex } from '../org/org-index.ts';
import type { PersonInput } from './person-input.ts';
import { validatePersonRow } from './validate-person.ts';

/** A stored person written back as form fields, so that a patch can be laid over it and validated whole. */
export function fieldsOf(p: PersonInput): PersonFields {
  return {
    name: p.name,
    idNumber: p.idNumber,
    certificateNumber: p.certificateNumber,
    category: p.category,
    level: String(p.level),
    town: p.townCode,
    village: p.villageCode,
    hukou: p.hukou,
    certificateIssuedOn: p.certificateIssuedOn,
    certificateValidUntil: p.certificateValidUntil,
    phone: p.phone,
    householdNo: p.householdNo,
    guardianName: p.guardianName,
    guardianPhone: p.guardianPhone,
  };
}

/**
 * Validates API fields exactly like an import row. Every problem goes into the error's details; the error's code
 * and path name the first one, e.g. `{ code: 'ID_CHECKSUM', path: ['body', 'idNumber'] }`.
 */
export function validateFields(fields: PersonFields, orgs: OrgIndex, asOf: Day, deceasedOn: Day | null = null): PersonInput {
  const row: PersonFileRow = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined) row[k as keyof PersonFileRow] = String(v);
  if (deceasedOn) row.deceasedOn = deceasedOn;
  const result = validatePersonRow(row, { orgs, asOf });
  if (result.ok) return result.value;
  const problems = result.problems.map((p) => ({
    field: p.field,
    column: personFileColumns.find((c) => c.key === p.field)?.header,
    code: p.code,
    message: errorCatalog[p.code].message,
  }));
  const first = problems[0];
  throw new AppError(first?.code ?? 'VALIDATION', { path: ['body', first?.field ?? ''], details: { problems } });
}
