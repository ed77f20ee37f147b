import { useQuery } from '@tanstack/react-query';
import { type Assignee, type GapItem, type GapKind, type Program, ProgramSchema } from '../../../contracts/benefits.ts';
import { api } from '../../api.ts';
import type { OrgNode } from '../../app/access-types.ts';

// Shapes and calls of the benefits workflow endpoints (docs/benefits.md) for the applications, gaps and tasks pages.

export type { Assignee, GapItem, GapKind, Program } from '../../../contracts/benefits.ts';

/** The programmes in the order the pages list them. */
export const programs: readonly Program[] = ProgramSchema.options;
/** Application states, in workflow order. */
export const applicationStatuses = ['submitted', 'townReviewed', 'approved', 'rejected'] as const;

/** One condition of a decision: held or failed, with its legal source (info lines carry amounts and notes). */
export type Reason = { code: string; held: boolean; message: string; source: string; info?: boolean };

/** An application as GET /api/v1/benefits/applications(/{id}) answers it (ID number masked). */
export type Application = {
  id: number;
  personId: number;
  name: string;
  idNumber: string | null;
  program: Program;
  appliedOn: string;
  status: (typeof applicationStatuses)[number];
  town: string;
  applicant: string | null;
  createdBy: string;
  createdAt: string;
  townReviewedOn: string | null;
  townReviewedBy: string | null;
  countyApprovedOn: string | null;
  countyApprovedBy: string | null;
  rejectedOn: string | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  noticeEndsOn: string | null;
  paymentFrom: string | null;
  monthlyAmount: number | null;
  enrolmentId: number | null;
  decision: { eligible: boolean; monthlyAmount: number | null; reasons: Reason[] } | null;
  step: 'townReview' | 'countyApproval' | null;
  dueOn: string | null;
  overdue: boolean;
  version: number;
};

/** A page of applications. */
export type ApplicationPage = { items: Application[]; nextCursor: number | null };

/** GET /api/v1/benefits/gaps. */
export type GapList = { date: string; total: number; items: GapItem[] };

/** A follow-up task (stop review or gap-list case). */
export type BenefitTask = {
  id: number;
  personId: number;
  name: string;
  idNumber: string | null;
  program: Program;
  kind: 'stopReview' | GapKind;
  reasonCode: string;
  reason: string;
  town: string;
  status: 'open' | 'done';
  assignedTo: string | null;
  openedOn: string;
  note: string | null;
  version: number;
};

/** One programme's decision for a person today. */
export type PersonDecision = {
  program: Program;
  eligible: boolean;
  receiving: boolean;
  monthlyAmount: number | null;
  priority: boolean | null;
  reasons: Reason[];
};

/** Today as a China calendar day (the registry's dates are China days, whatever the PC's zone). */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Query string of the defined values only. */
export function queryOf(values: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

/** One application, cached per id. */
export function useApplication(id: number) {
  return useQuery({
    queryKey: ['benefit-application', id],
    queryFn: () => api<Application>(`/api/v1/benefits/applications/${id}`),
    enabled: !Number.isNaN(id),
    staleTime: 0,
  });
}

/** Every programme's decision for a person on a day. */
export function usePersonDecisions(personId: number, date: string, enabled = true) {
  return useQuery({
    queryKey: ['benefit-decisions', personId, date],
    queryFn: () => api<{ decisions: PersonDecision[] }>(`/api/v1/benefits/persons/${personId}/decisions?date=${date}`),
    enabled,
    staleTime: 0,
  });
}

/** The workers a task of the town may be assigned to (only asked for when the user may assign). */
export function useAssignees(town: string, enabled: boolean) {
  return useQuery({
    queryKey: ['benefit-assignees', town],
    queryFn: () => api<{ items: Assignee[] }>(`/api/v1/benefits/assignees?town=${town}`).then((r) => r.items),
    enabled: enabled && /^\d{9}$/.test(town),
  });
}

/** Code → name of every org unit in the caller's tree. */
export function orgNames(root: OrgNode | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (n: OrgNode) => {
    names.set(n.code, n.name);
    for (const c of n.children) walk(c);
  };
  if (root) walk(root);
  return names;
}
