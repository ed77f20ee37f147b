import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { reviewStepDays } from '../../domain/policy/parameter-catalog.ts';
import { type ParamSet, lookup } from '../../domain/policy/parameters.ts';
import type { Day } from '../../domain/time/day.ts';
import { calendarFrom } from './calendar.ts';
import type { BenefitApplicationTable } from './tables.ts';

type Row = Omit<BenefitApplicationTable, 'id' | 'version'> & { id: number; version: number; name: string; id_number: string | null };

/** The step an application waits for and its deadline in working days (town review, then county approval). */
function deadline(r: Row, params: ParamSet, today: Day): { step: string | null; dueOn: Day | null; overdue: boolean } {
  const days = lookup(params, reviewStepDays, today)?.value ?? 10;
  const cal = calendarFrom(params);
  const since = r.status === 'submitted' ? r.applied_on : r.status === 'townReviewed' ? r.town_reviewed_on : null;
  if (!since) return { step: null, dueOn: null, overdue: false };
  const dueOn = cal.addWorkingDays(since, days);
  return { step: r.status === 'submitted' ? 'townReview' : 'countyApproval', dueOn, overdue: today > dueOn };
}

/** An application as the API shows it: ID number masked, time limit visible. */
export function presentApplication(r: Row, params: ParamSet, today: Day) {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
    program: r.program,
    appliedOn: r.applied_on,
    status: r.status,
    town: r.town_code,
    applicant: r.applicant,
    createdBy: r.created_by,
    createdAt: r.created_at,
    townReviewedOn: r.town_reviewed_on,
    townReviewedBy: r.town_reviewed_by,
    countyApprovedOn: r.county_approved_on,
    countyApprovedBy: r.county_approved_by,
    rejectedOn: r.rejected_on,
    rejectedBy: r.rejected_by,
    rejectionReason: r.rejection_reason,
    noticeEndsOn: r.notice_ends_on,
    paymentFrom: r.payment_from,
    monthlyAmount: r.monthly_amount_fen,
    enrolmentId: r.enrolment_id,
    decision: r.decision_json ? (JSON.parse(r.decision_json) as unknown) : null,
    ...deadline(r, params, today),
    version: r.version,
  };
}
