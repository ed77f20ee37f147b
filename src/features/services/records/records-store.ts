import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import type { ServiceCreate, ServicePatch, ServiceRecord } from '../../../contracts/services.ts';
import type { ServiceRecordTable } from '../../../db/services-tables.ts';
import type { DB } from '../../../db/tables.ts';
import type { Day } from '../../../domain/time/day.ts';

/** The stages of a home modification, in order (申请 → 入户评估 → 施工 → 验收). */
export const homeModificationStages = ['applied', 'surveyed', 'works', 'accepted'] as const;

const generalStatuses = ['inProgress', 'completed', 'cancelled'];

/** Who records and when. */
export type ServiceStamp = { actor: string; now: string; today: Day };

/** True when the status fits the kind: stages for homeModification, inProgress/completed otherwise; cancelled for both. */
export function statusFitsKind(kind: string, status: string): boolean {
  if (status === 'cancelled') return true;
  return kind === 'homeModification' ? (homeModificationStages as readonly string[]).includes(status) : generalStatuses.includes(status);
}

/** A homeModification may only move forward through its stages (or be cancelled); other kinds change freely. */
export function transitionAllowed(kind: string, from: string, to: string): boolean {
  if (from === to || kind !== 'homeModification' || to === 'cancelled') return statusFitsKind(kind, to);
  const order = homeModificationStages as readonly string[];
  return from !== 'cancelled' && order.indexOf(to) > order.indexOf(from);
}

/** A stored record as the API shows it. */
export function presentService(r: Selectable<ServiceRecordTable>): ServiceRecord {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind as ServiceRecord['kind'],
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as ServiceRecord['status'],
    provider: r.provider,
    department: r.department,
    costFen: r.cost_fen === null ? null : Number(r.cost_fen),
    details: r.details_json ? (JSON.parse(r.details_json) as Record<string, unknown>) : null,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    version: r.version,
  };
}

/** Stamps the day a homeModification reached its stage into details.stages (kept across later stages). */
function withStage(kind: string, status: string, details: Record<string, unknown> | null, day: Day): Record<string, unknown> | null {
  if (kind !== 'homeModification' || status === 'cancelled') return details;
  const stages = { ...((details?.stages as Record<string, string> | undefined) ?? {}) };
  stages[status] ??= day;
  return { ...(details ?? {}), stages };
}

/** A person's service records, newest first. */
export async function servicesOfPerson(db: Kysely<DB>, personId: number) {
  return db
    .selectFrom('service_record')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Inserts a service record; returns its id. An accepted home modification's end date is its acceptance day. */
export async function insertService(trx: Kysely<DB>, personId: number, input: ServiceCreate, stamp: ServiceStamp): Promise<number> {
  if (!statusFitsKind(input.kind, input.status)) throw new AppError('SERVICE_STATUS_INVALID', { path: ['body', 'status'] });
  if (input.endDate && input.endDate < input.startDate) throw new AppError('DATE_ORDER', { path: ['body', 'endDate'] });
  const details = withStage(input.kind, input.status, input.details, input.endDate ?? input.startDate);
  const row = await trx
    .insertInto('service_record')
    .values({
      person_id: personId,
      kind: input.kind,
      start_date: input.startDate,
      end_date: input.endDate,
      status: input.status,
      provider: input.provider,
      department: input.department,
      cost_fen: input.costFen,
      details_json: details ? JSON.stringify(details) : null,
      recorded_at: stamp.now,
      recorded_by: stamp.actor,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The stored record's columns with a patch laid over it, checked: stages forward only, end not before start. */
function patchedValues(current: Selectable<ServiceRecordTable>, patch: ServicePatch, today: Day) {
  const status = patch.status ?? current.status;
  if (!transitionAllowed(current.kind, current.status, status)) throw new AppError('SERVICE_STATUS_INVALID', { path: ['body', 'status'] });
  const startDate = patch.startDate ?? current.start_date;
  const endDate = patch.endDate !== undefined ? patch.endDate : current.end_date;
  if (endDate && endDate < startDate) throw new AppError('DATE_ORDER', { path: ['body', 'endDate'] });
  const oldDetails = current.details_json ? (JSON.parse(current.details_json) as Record<string, unknown>) : null;
  const merged = patch.details !== undefined ? { ...(oldDetails ?? {}), ...(patch.details ?? {}) } : oldDetails;
  const details = withStage(current.kind, status, merged, endDate ?? today);
  const pick = <T>(value: T | undefined, stored: T) => (value !== undefined ? value : stored);
  return {
    start_date: startDate,
    end_date: endDate,
    status,
    provider: pick(patch.provider, current.provider),
    department: pick(patch.department, current.department),
    cost_fen: pick(patch.costFen, current.cost_fen),
    details_json: details ? JSON.stringify(details) : null,
  };
}

/** Applies a patch checked against the version read (VERSION_CONFLICT otherwise); returns the new version and the changed fields. */
export async function patchService(trx: Kysely<DB>, personId: number, id: number, patch: ServicePatch, stamp: ServiceStamp) {
  const current = await trx
    .selectFrom('service_record')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== patch.version) throw new AppError('VERSION_CONFLICT', { details: { currentVersion: current.version } });
  const set = patchedValues(current, patch, stamp.today);
  const changed = Object.entries(set)
    .filter(([k, v]) => (current as Record<string, unknown>)[k] !== v)
    .map(([k]) => k);
  if (changed.length === 0) return { version: current.version, changed };
  const done = await trx
    .updateTable('service_record')
    .set({ ...set, recorded_at: stamp.now, recorded_by: stamp.actor, version: current.version + 1 })
    .where('id', '=', id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  return { version: current.version + 1, changed };
}
