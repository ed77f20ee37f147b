import { type ServiceRecord, ServiceKindSchema } from '../../../contracts/services.ts';

/** The kinds of service record. */
export const serviceKinds = ServiceKindSchema.options;
/** A kind of service record. */
export type ServiceKind = (typeof serviceKinds)[number];

/** The statuses a kind may take: home modifications move through stages; the others run, complete or cancel. */
export function statusesOf(kind: ServiceKind): readonly ServiceRecord['status'][] {
  return kind === 'homeModification' ? ['applied', 'surveyed', 'works', 'accepted', 'cancelled'] : ['inProgress', 'completed', 'cancelled'];
}

/** What each kind records besides dates and provider (DOMAIN.md: course; school and mode; employer and form; …). */
export const detailFields: Record<ServiceKind, readonly string[]> = {
  rehab: ['item'],
  device: ['device'],
  training: ['course'],
  schooling: ['school', 'mode'],
  employment: ['employer', 'form'],
  insurance: ['scheme'],
  homeModification: ['works'],
};

/** The form of a new record. */
export type ServiceForm = {
  kind: ServiceKind;
  startDate: string;
  endDate: string;
  status: string;
  provider: string;
  department: string;
  cost: string;
  details: Record<string, string>;
};

/** An empty form for a kind. */
export function emptyService(kind: ServiceKind = 'rehab'): ServiceForm {
  return { kind, startDate: '', endDate: '', status: statusesOf(kind)[0] ?? '', provider: '', department: '', cost: '', details: {} };
}

/** Yuan text → fen (integer), null when empty; NaN marks text that is not an amount (the form names the field). */
export function fenOf(yuan: string): number | null {
  const text = yuan.trim();
  if (text === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : Number.NaN;
}

/** The body of POST /persons/{id}/services. */
export function bodyOf(form: ServiceForm) {
  const details = Object.fromEntries(Object.entries(form.details).filter(([, v]) => v.trim() !== ''));
  return {
    kind: form.kind,
    startDate: form.startDate,
    endDate: form.endDate || null,
    status: form.status,
    provider: form.provider.trim() || null,
    department: form.department.trim() || null,
    costFen: fenOf(form.cost),
    details: Object.keys(details).length > 0 ? details : null,
  };
}
