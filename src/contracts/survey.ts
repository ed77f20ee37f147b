import { z } from 'zod';

/** 养老保险 answers: 城乡居民 / 职工 / 领取待遇 / 未参保. */
export const PensionAnswerSchema = z.enum(['residentScheme', 'employee', 'drawing', 'none']);
/** 医疗保险 answers: 职工 / 城乡居民 / 未参保. */
export const MedicalAnswerSchema = z.enum(['employee', 'resident', 'none']);
/** 就学 answers: 普通学校 / 特教学校 / 送教上门 / 未入学 / 不适用. */
export const SchoolingAnswerSchema = z.enum(['mainstream', 'special', 'home', 'notEnrolled', 'notApplicable']);
/** 就业 answers. */
export const EmploymentAnswerSchema = z.enum([
  'quota',
  'concentrated',
  'sheltered',
  'publicWelfare',
  'selfEmployed',
  'flexible',
  'agriculture',
  'unemployed',
  'notApplicable',
]);

/** One person's needs-survey answers for a year (FORMATS.md §4); null = not asked. Income in yuan per month. */
export const SurveyAnswersSchema = z.object({
  rehabNeed: z.boolean().nullable().default(null),
  rehabReceived: z.boolean().nullable().default(null),
  deviceNeed: z.boolean().nullable().default(null),
  deviceFitted: z.boolean().nullable().default(null),
  pension: PensionAnswerSchema.nullable().default(null),
  medical: MedicalAnswerSchema.nullable().default(null),
  schooling: SchoolingAnswerSchema.nullable().default(null),
  employment: EmploymentAnswerSchema.nullable().default(null),
  trainingCompleted: z.boolean().nullable().default(null),
  incomePerCapita: z.number().min(0).max(1_000_000).multipleOf(0.01).nullable().default(null),
  homeModNeed: z.boolean().nullable().default(null),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswersSchema>;

/** Body of PUT /api/v1/persons/{id}/survey/{year}: the answers and the version read (0 when the year had none). */
export const SurveyPutSchema = SurveyAnswersSchema.extend({ version: z.number().int().min(0) });
export type SurveyPut = z.infer<typeof SurveyPutSchema>;

/** A stored survey row: current (supersededAt null) or history. */
export const SurveyRecordSchema = SurveyAnswersSchema.extend({
  year: z.number(),
  version: z.number(),
  source: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  supersededAt: z.string().nullable(),
});
export type SurveyRecord = z.infer<typeof SurveyRecordSchema>;

/** GET /api/v1/persons/{id}/survey: the current answers per year, newest first, and the superseded rows. */
export const SurveyListSchema = z.object({ items: z.array(SurveyRecordSchema), history: z.array(SurveyRecordSchema) });

/** The survey file layout (FORMATS.md §4): Chinese header, English identifier. */
export const surveyFileColumns = [
  { key: 'year', header: '年度', required: true },
  { key: 'idNumber', header: '公民身份号码', required: true },
  { key: 'rehabNeed', header: '康复需求', required: false },
  { key: 'rehabReceived', header: '获得康复服务', required: false },
  { key: 'deviceNeed', header: '辅具需求', required: false },
  { key: 'deviceFitted', header: '已适配辅具', required: false },
  { key: 'pension', header: '养老保险', required: false },
  { key: 'medical', header: '医疗保险', required: false },
  { key: 'schooling', header: '就学', required: false },
  { key: 'employment', header: '就业', required: false },
  { key: 'trainingCompleted', header: '完成职业培训', required: false },
  { key: 'incomePerCapita', header: '家庭人均月收入', required: false },
  { key: 'homeModNeed', header: '无障碍改造需求', required: false },
] as const;

/** A survey-file column identifier. */
export type SurveyFileKey = (typeof surveyFileColumns)[number]['key'];
