import type { PersonDetail, PersonSummary } from '../../contracts/persons.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { maskPhone } from '../../domain/identity/phone.ts';
import { departmentPersonFields } from '../access/roles.ts';
import type { Scope } from '../access/scope.ts';
import type { PersonListRow } from './search-persons.ts';

/** A certificate number shown masked: its ID part masked like an ID number, the category and level digits kept. */
export function maskCertificateNumber(n: string): string {
  return n.length === 20 ? `${maskIdNumber(n.slice(0, 18))}${n.slice(18)}` : maskIdNumber(n);
}

/** Masks a value or keeps null. */
function masked(value: string | null, mask: (v: string) => string): string | null {
  return value === null ? null : mask(value);
}

/** A list row as the API shows it: identity numbers always masked (reveal is a separate, audited action). */
export function presentSummary(r: PersonListRow): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    idNumber: masked(r.id_number, maskIdNumber),
    certificateNumber: masked(r.certificate_number, maskCertificateNumber),
    gender: r.gender,
    birthDate: r.birth_date,
    town: r.town_code,
    townName: r.town_name,
    village: r.village_code,
    villageName: r.village_name ?? null,
    category: r.category as PersonSummary['category'],
    level: r.level,
    status: r.status,
    certificateValidUntil: r.certificate_valid_until,
    version: r.version,
  };
}

/** Masks the contact numbers of a detail record. */
export function maskContacts(d: PersonDetail): PersonDetail {
  return {
    ...d,
    phone: d.phone ? maskPhone(d.phone) : (d.phone ?? null),
    guardianPhone: d.guardianPhone ? maskPhone(d.guardianPhone) : (d.guardianPhone ?? null),
  };
}

/** Keeps only the fields the scope's role may read: a department user sees its domain's fields only. */
export function limitFields<T extends object>(scope: Scope, record: T): Partial<T> {
  if (scope.role !== 'departmentUser') return record;
  const allowed = new Set<string>(departmentPersonFields);
  allowed.add('townName');
  allowed.add('villageName');
  return Object.fromEntries(Object.entries(record).filter(([k]) => allowed.has(k))) as Partial<T>;
}
