import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import type { Program } from '../../domain/policy/evaluate.ts';
import { publicNoticeDays } from '../../domain/policy/parameter-catalog.ts';
import { lookup } from '../../domain/policy/parameters.ts';
import { recordAudit } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import { requirePersonInScope } from '../registry/read-service.ts';
import { type Stamp, decideFor, getApplication } from './applications.ts';
import { calendarFrom } from './calendar.ts';
import { loadParamSet } from './param-store.ts';
import { type BenefitGrant, assertBenefit } from './permissions.ts';
import { type BenefitsDB, benefitsDb, coreDb } from './tables.ts';

// The review steps of an application: town review, county approval or rejection (each version-checked, audited).

/**
 * Loads an application for a step: in scope, at the expected status and version. Reads happen before the write
 * transaction (SQLite has one connection); the update's version condition catches a concurrent change.
 */
async function loadForStep(database: Database, scope: Scope, id: number, grant: BenefitGrant, status: string, version: number) {
  assertBenefit(scope, grant);
  const row = await benefitsDb(database).selectFrom('benefit_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await requirePersonInScope(database, scope, row.person_id, `benefit.${grant}`);
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  if (row.status !== status) throw new AppError('STATUS_INVALID', { details: { status: row.status } });
  return row;
}

/** Writes a step's changes with the version check and the audit entry. */
async function writeStep(
  trx: Kysely<BenefitsDB>,
  scope: Scope,
  id: number,
  version: number,
  set: Record<string, unknown>,
  action: string,
  details: Record<string, unknown>,
  now: Date,
) {
  const res = await trx
    .updateTable('benefit_application')
    .set({ ...set, updated_at: now.toISOString(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  await recordAudit(coreDb(trx), scope, { action, targetType: 'benefitApplication', targetId: id, outcome: 'success', details });
}

/** Town initial review (乡镇初审): pass it on, or reject with a written reason. */
export async function townReview(
  database: Database,
  scope: Scope,
  id: number,
  input: { version: number; approve: boolean; reason?: string },
  stamp: Stamp,
) {
  if (!input.approve && !input.reason?.trim()) throw new AppError('REJECTION_REASON_REQUIRED', { path: ['reason'] });
  await loadForStep(database, scope, id, 'benefit.townReview', 'submitted', input.version);
  await benefitsDb(database)
    .transaction()
    .execute(async (trx) => {
      const set = input.approve
        ? { status: 'townReviewed', town_reviewed_on: stamp.today, town_reviewed_by: scope.username }
        : { status: 'rejected', rejected_on: stamp.today, rejected_by: scope.username, rejection_reason: input.reason?.trim() ?? null };
      await writeStep(
        trx,
        scope,
        id,
        input.version,
        set,
        input.approve ? 'benefit.townReview' : 'benefit.reject',
        { reason: input.reason ?? null },
        stamp.now,
      );
    });
  return getApplication(database, scope, id, stamp.today);
}

/**
 * County approval (县级审核审批): re-decides on the application date; approval creates the enrolment, paid from the
 * month of application (国发〔2015〕52号), and starts the public notice period (working days, a parameter).
 */
export async function countyApprove(
  database: Database,
  scope: Scope,
  id: number,
  input: { version: number; approve: boolean; reason?: string },
  stamp: Stamp,
) {
  if (!input.approve && !input.reason?.trim()) throw new AppError('REJECTION_REASON_REQUIRED', { path: ['reason'] });
  const params = await loadParamSet(database);
  const row = await loadForStep(database, scope, id, 'benefit.approve', 'townReviewed', input.version);
  const { decision } = await decideFor(database, scope, row.person_id, row.program as Program, row.applied_on, params);
  if (input.approve && !decision.eligible)
    throw new AppError('NOT_ELIGIBLE', { details: { reasons: decision.reasons.filter((r) => !r.held && !r.info) } });
  await benefitsDb(database)
    .transaction()
    .execute(async (trx) => {
      if (!input.approve) {
        const set = {
          status: 'rejected',
          rejected_on: stamp.today,
          rejected_by: scope.username,
          rejection_reason: input.reason?.trim() ?? null,
        };
        return writeStep(trx, scope, id, input.version, set, 'benefit.reject', { reason: input.reason }, stamp.now);
      }
      const paymentFrom = `${row.applied_on.slice(0, 7)}-01`;
      const enrolment = await trx
        .insertInto('enrolment')
        .values({
          person_id: row.person_id,
          program: row.program,
          start_date: paymentFrom,
          end_date: null,
          monthly_amount_fen: decision.monthlyAmount,
          source: `application:${id}`,
          recorded_at: stamp.now.toISOString(),
          recorded_by: scope.username,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const noticeEndsOn = calendarFrom(params).addWorkingDays(stamp.today, lookup(params, publicNoticeDays, stamp.today)?.value ?? 5);
      const set = {
        status: 'approved',
        county_approved_on: stamp.today,
        county_approved_by: scope.username,
        notice_ends_on: noticeEndsOn,
        payment_from: paymentFrom,
        monthly_amount_fen: decision.monthlyAmount,
        enrolment_id: enrolment.id,
        decision_json: JSON.stringify(decision),
      };
      return writeStep(
        trx,
        scope,
        id,
        input.version,
        set,
        'benefit.approve',
        { enrolmentId: enrolment.id, paymentFrom, noticeEndsOn },
        stamp.now,
      );
    });
  return getApplication(database, scope, id, stamp.today);
}
