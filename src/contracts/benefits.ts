import { z } from 'zod';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** Benefit programmes the rules decide (DOMAIN.md §1 identifiers). */
export const ProgramSchema = z.enum([
  'livingSubsidy',
  'nursingSubsidy',
  'dibao',
  'childRehabAid',
  'pensionContributionAid',
  'homeModification',
  'freeBusTravel',
]);
/** A benefit programme. */
export type Program = z.infer<typeof ProgramSchema>;
/** The two gap lists. */
export const GapKindSchema = z.enum(['eligibleNotReceiving', 'receivingNotEligible']);
/** A gap list. */
export type GapKind = z.infer<typeof GapKindSchema>;

/** One reason of a decision. */
export const ReasonSchema = z.object({ code: z.string(), held: z.boolean(), message: z.string(), source: z.string() });

/** A dated parameter value entered by the county admin. */
export const ParameterValueInputSchema = z.object({ from: DaySchema, value: z.unknown(), source: z.string().trim().min(2).max(500) });
export type ParameterValueInput = z.infer<typeof ParameterValueInputSchema>;

/** Query of GET /api/v1/benefits/gaps (and its export). */
export const GapQuerySchema = z.object({
  program: ProgramSchema.optional(),
  kind: GapKindSchema.optional(),
  org: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/)
    .optional(),
  date: DaySchema,
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type GapQueryInput = z.infer<typeof GapQuerySchema>;

/** Body of POST /api/v1/benefits/gaps/tasks: open follow-up tasks for a gap list (or some of its persons). */
export const GapTasksSchema = z.object({
  program: ProgramSchema,
  kind: GapKindSchema,
  date: DaySchema,
  org: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/)
    .optional(),
  personIds: z.array(z.number().int().positive()).max(10_000).optional(),
  assignTo: z.string().min(1).max(64).optional(),
});

/** Query of GET /api/v1/benefits/tasks. */
export const TaskQuerySchema = z.object({
  status: z.enum(['open', 'done']).optional(),
  program: ProgramSchema.optional(),
  kind: z.enum(['stopReview', 'eligibleNotReceiving', 'receivingNotEligible']).optional(),
  /** `me`: only the tasks assigned to the signed-in user. */
  assignee: z.enum(['me']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Body of PATCH /api/v1/benefits/tasks/{id}. */
export const TaskPatchSchema = z.object({
  version: z.number().int().positive(),
  assignedTo: z.string().min(1).max(64).nullable().optional(),
  status: z.enum(['open', 'done']).optional(),
  note: z.string().max(1000).optional(),
});

/** Body of POST /api/v1/benefits/review. */
export const ReviewRunSchema = z.object({ date: DaySchema });

/** Body of POST /api/v1/benefits/applications. */
export const ApplicationCreateSchema = z.object({
  personId: z.number().int().positive(),
  program: ProgramSchema,
  appliedOn: DaySchema,
  applicant: z.string().trim().max(100).optional(),
});

/** Body of a review step (town review or county approval): approve, or reject with a reason. */
export const ApplicationStepSchema = z.object({
  version: z.number().int().positive(),
  approve: z.boolean(),
  reason: z.string().max(1000).optional(),
});

/** Query of GET /api/v1/benefits/applications. */
export const ApplicationQuerySchema = z.object({
  status: z.enum(['submitted', 'townReviewed', 'approved', 'rejected']).optional(),
  program: ProgramSchema.optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  /** Paging: the `nextCursor` of the previous page (applications with a smaller id). */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Query of GET /api/v1/benefits/assignees: who a task of a town may be assigned to. */
export const AssigneeQuerySchema = z.object({ town: z.string().regex(/^\d{9}$/) });

/** Query of GET /api/v1/benefits/persons/{id}/decisions. */
export const PersonDecisionsQuerySchema = z.object({ date: DaySchema });

/** Body of POST /api/v1/benefits/simulate: parameter overrides (OpenFisca reform) and the date to compare on. */
export const SimulateSchema = z.object({
  date: DaySchema,
  overrides: z.record(z.string(), z.array(z.object({ from: DaySchema, value: z.unknown() })).min(1)),
  programs: z.array(ProgramSchema).optional(),
});

/** Body of POST /api/v1/benefits/rolls: build (or rebuild a draft of) a programme's roll for a month. */
export const RollCreateSchema = z.object({ program: z.enum(['livingSubsidy', 'nursingSubsidy']), month: MonthSchema });
/** Query of GET /api/v1/benefits/rolls/compare. */
export const RollCompareSchema = z.object({ program: z.enum(['livingSubsidy', 'nursingSubsidy']), from: MonthSchema, to: MonthSchema });
/** Body of PUT /api/v1/benefits/persons/{id}/payment-account. */
export const PaymentAccountSchema = z.object({
  bankName: z.string().trim().min(2).max(50),
  accountNumber: z.string().regex(/^\d{8,30}$/, '银行账号应为8–30位数字'),
  accountHolder: z.string().trim().min(1).max(50),
  version: z.number().int().positive().optional(),
});

/** One person on a gap list (GET /api/v1/benefits/gaps), masked, with the reasons that put them there. */
export type GapItem = {
  personId: number;
  name: string;
  idNumber: string | null;
  town: string;
  village: string | null;
  program: Program;
  kind: GapKind;
  monthlyAmount: number | null;
  receivedAmount: number | null;
  enrolmentId: number | null;
  summary: string;
  reasons: { code: string; held: boolean; info: boolean; message: string; source: string }[];
};

/** One user a follow-up task of a town may be assigned to (GET /api/v1/benefits/assignees). */
export type Assignee = { username: string; displayName: string | null; role: string; orgCode: string };
