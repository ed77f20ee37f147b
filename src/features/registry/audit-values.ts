import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { maskPhone } from '../../domain/identity/phone.ts';
import type { PersonInput } from './person-input.ts';
import { maskCertificateNumber } from './present.ts';

// The audit log keeps before/after values of every change, but never a full ID or phone number (security-a11y A3 V16).
const maskers: Partial<Record<keyof PersonInput, (v: string) => string>> = {
  idNumber: maskIdNumber,
  certificateNumber: maskCertificateNumber,
  phone: maskPhone,
  guardianPhone: maskPhone,
};

/** A field's value as logs and history show it: ID, certificate and phone numbers masked. */
export function maskField(field: string, value: unknown): unknown {
  const mask = maskers[field as keyof PersonInput];
  return mask && typeof value === 'string' ? mask(value) : (value ?? null);
}

/** The changed fields with masked before and after values, for an audit entry. */
export function auditChanges(before: PersonInput | null, after: PersonInput, fields: readonly (keyof PersonInput)[]) {
  return fields.map((field) => ({ field, before: before ? maskField(field, before[field]) : null, after: maskField(field, after[field]) }));
}

/** A search text as the audit log may keep it: ID-like digits masked. */
export function auditQueryText(q: string | undefined): string | undefined {
  if (!q) return q;
  return /^\d{6,}/.test(q) ? maskIdNumber(q) : q;
}
