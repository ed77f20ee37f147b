import { z } from 'zod';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Programmes of FORMATS.md §5. */
export const ProgramSchema = z.enum([
  'dibao',
  'lowIncome',
  'tekun',
  'livingSubsidy',
  'nursingSubsidy',
  'residentPension',
  'medicalInsurance',
  'childRehabAid',
  'homeModification',
]);

/** A programme of FORMATS.md §5. */
export type Program = z.infer<typeof ProgramSchema>;

/** The programmes' Chinese names, for what the server writes (spreadsheets); the web app has its own texts. */
export const programNamesZh: Record<Program, string> = {
  dibao: '低保',
  lowIncome: '低保边缘',
  tekun: '特困供养',
  livingSubsidy: '困难残疾人生活补贴',
  nursingSubsidy: '重度残疾人护理补贴',
  residentPension: '城乡居民养老保险',
  medicalInsurance: '城乡居民医疗保险',
  childRehabAid: '残疾儿童康复救助',
  homeModification: '家庭无障碍改造',
};

/** Kinds of service record. */
export const ServiceKindSchema = z.enum(['rehab', 'device', 'training', 'schooling', 'employment', 'insurance', 'homeModification']);

/** Statuses: homeModification moves applied → surveyed → works → accepted; other kinds are inProgress or completed; any may be cancelled. */
export const ServiceStatusSchema = z.enum(['inProgress', 'completed', 'cancelled', 'applied', 'surveyed', 'works', 'accepted']);

/** A new service record for a person. Cost in fen (integer: no floats for money). */
export const ServiceCreateSchema = z.object({
  kind: ServiceKindSchema,
  startDate: DaySchema,
  endDate: DaySchema.nullable().default(null),
  status: ServiceStatusSchema,
  provider: z.string().trim().max(100).nullable().default(null),
  department: z.string().trim().max(100).nullable().default(null),
  costFen: z.number().int().min(0).max(100_000_000_00).nullable().default(null),
  details: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type ServiceCreate = z.infer<typeof ServiceCreateSchema>;

/** A change to a service record, checked against the version read. */
export const ServicePatchSchema = z.object({
  version: z.number().int().min(1),
  startDate: DaySchema.optional(),
  endDate: DaySchema.nullable().optional(),
  status: ServiceStatusSchema.optional(),
  provider: z.string().trim().max(100).nullable().optional(),
  department: z.string().trim().max(100).nullable().optional(),
  costFen: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type ServicePatch = z.infer<typeof ServicePatchSchema>;

/** A stored service record; homeModification records carry `stages` (the day each stage was reached). */
export const ServiceRecordSchema = z.object({
  id: z.number(),
  personId: z.number(),
  kind: ServiceKindSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: ServiceStatusSchema,
  provider: z.string().nullable(),
  department: z.string().nullable(),
  costFen: z.number().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  version: z.number(),
});
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;

/** A programme enrolment as the API shows it (amount in fen). */
export const EnrolmentSchema = z.object({
  id: z.number(),
  personId: z.number(),
  program: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  monthlyAmountFen: z.number().nullable(),
  source: z.string(),
  version: z.number(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

/** The enrolments file layout (FORMATS.md §5). */
export const enrolmentFileColumns = [
  { key: 'idNumber', header: '公民身份号码', required: true },
  { key: 'startDate', header: '开始日期', required: true },
  { key: 'endDate', header: '结束日期', required: false },
  { key: 'monthlyAmount', header: '金额', required: false },
] as const;

/** An enrolments-file column identifier. */
export type EnrolmentFileKey = (typeof enrolmentFileColumns)[number]['key'];
