import { z } from 'zod';

// Department lists (issue 6 item 6): what a list changes and where it disagrees with the registry, shown before a
// commit. Imported by the server (response shapes) and the web page.

/** The columns of a public-security deaths list (docs/file-formats.md, our own format). */
export const deathFileColumns = [
  { key: 'idNumber', header: '公民身份号码', required: true },
  { key: 'deathDate', header: '死亡日期', required: true },
] as const;

/** A deaths-file column identifier. */
export type DeathFileKey = (typeof deathFileColumns)[number]['key'];

/** How a list row compares with the registry's enrolments. */
export const EnrolmentRowKindSchema = z.enum(['new', 'ended', 'changed', 'unchanged', 'unknown']);

/** How a deaths-list row compares with the registry. */
export const DeathRowKindSchema = z.enum(['toMark', 'alreadyDeceased', 'unknown']);

/** Where a list and the registry disagree. */
export const DisagreementCodeSchema = z.enum([
  'PAID_AFTER_DEATH',
  'ACTIVE_AFTER_MOVE_OUT',
  'NOT_ELIGIBLE',
  'MISSING_FROM_LIST',
  'DEATH_DATE_DIFFERS',
  'MOVED_OUT_IN_REGISTRY',
]);

/** A disagreement code. */
export type DisagreementCode = z.infer<typeof DisagreementCodeSchema>;

const Person = {
  /** Row of the file (header = row 1), or null for a registry-only finding. */
  row: z.number().nullable(),
  personId: z.number().nullable(),
  /** Masked ID number (first 6 and last 4 digits). */
  idNumber: z.string(),
};

/** A programme the person is receiving (deaths list: what would be paid after death). */
export const ReceivingSchema = z.object({
  program: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  monthlyAmountFen: z.number().nullable(),
});

/** One disagreement between a list and the registry. */
export const DisagreementSchema = z.object({
  ...Person,
  code: DisagreementCodeSchema,
  program: z.string().nullable(),
  /** The registry's date that matters (death, moving out), or the list's start date for a missing enrolment. */
  date: z.string().nullable(),
  /** Failed rule conditions (NOT_ELIGIBLE) or programmes still running (PAID_AFTER_DEATH on a deaths list). */
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** One disagreement. */
export type Disagreement = z.infer<typeof DisagreementSchema>;

/** One row of an enrolment list, compared. */
export const EnrolmentCompareRowSchema = z.object({
  ...Person,
  kind: EnrolmentRowKindSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  monthlyAmountFen: z.number().nullable(),
  before: z.object({ endDate: z.string().nullable(), monthlyAmountFen: z.number().nullable() }).nullable(),
});

/** One compared enrolment row. */
export type EnrolmentCompareRow = z.infer<typeof EnrolmentCompareRowSchema>;

/** One row of a deaths list, compared. */
export const DeathCompareRowSchema = z.object({
  ...Person,
  kind: DeathRowKindSchema,
  deathDate: z.string(),
  /** The registry's death date when already deceased. */
  registryDeathDate: z.string().nullable(),
  /** Why the row matched no person: PERSON_UNKNOWN or OUT_OF_SCOPE. */
  code: z.string().nullable(),
  receiving: z.array(ReceivingSchema),
});

/** One compared deaths-list row. */
export type DeathCompareRow = z.infer<typeof DeathCompareRowSchema>;

const ReportFields = {
  /** Handle for the .xlsx download of this comparison (kept an hour, for its owner only). */
  comparisonId: z.string(),
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  committed: z.boolean(),
  dryRun: z.boolean(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() })),
  disagreements: z.array(DisagreementSchema),
  counts: z.record(z.string(), z.number()),
};

/** The comparison of an enrolment list (FORMATS.md §5) with the registry. */
export const EnrolmentComparisonSchema = z.object({
  kind: z.literal('enrolments'),
  program: z.string(),
  asOf: z.string(),
  completeFor: z.string().nullable(),
  items: z.array(EnrolmentCompareRowSchema),
  ...ReportFields,
});

/** An enrolment-list comparison. */
export type EnrolmentComparison = z.infer<typeof EnrolmentComparisonSchema>;

/** The comparison of a deaths list with the registry. */
export const DeathComparisonSchema = z.object({
  kind: z.literal('deaths'),
  asOf: z.string(),
  items: z.array(DeathCompareRowSchema),
  ...ReportFields,
});

/** A deaths-list comparison. */
export type DeathComparison = z.infer<typeof DeathComparisonSchema>;

/** Either comparison. */
export type ListComparison = EnrolmentComparison | DeathComparison;

/** Chinese descriptions of the disagreement codes (CLI, .xlsx; the web translates by code). */
export const disagreementMessages: Record<DisagreementCode, string> = {
  PAID_AFTER_DEATH: '登记为死亡，名单上仍在享受（死亡后仍发放）',
  ACTIVE_AFTER_MOVE_OUT: '登记为已迁出，名单上仍在享受',
  NOT_ELIGIBLE: '按政策规则不符合该项目条件，名单上仍在享受',
  MISSING_FROM_LIST: '登记库中正在享受，但完整名单中没有此人',
  DEATH_DATE_DIFFERS: '登记库中的死亡日期与名单不同',
  MOVED_OUT_IN_REGISTRY: '登记为已迁出，不能标记死亡，请核实',
};
