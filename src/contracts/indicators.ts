import { z } from 'zod';
import { indicatorKeys } from '../domain/indicators/definition.ts';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const YearSchema = z.coerce.number().int().min(2000).max(2100);
const OrgCodeSchema = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '机构代码应为6、9或12位数字');

/** Indicator keys (FORMATS.md §6). */
export const IndicatorKeySchema = z.enum(indicatorKeys);

/** Query of GET /api/v1/indicators: the year, the org unit (default the caller's), and optionally another date than 31 December. */
export const IndicatorQuerySchema = z.object({ year: YearSchema, org: OrgCodeSchema.optional(), asOf: DaySchema.optional() });
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;

/** One indicator's figures for an org unit (rates as fractions, counts as integers; income growth: means in fen). */
export const IndicatorResultSchema = z.object({
  key: IndicatorKeySchema,
  name: z.string(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  kind: z.enum(['binding', 'expected']),
  met: z.boolean().nullable(),
  unit: z.enum(['fraction', 'persons', 'households']),
  nameEn: z.string(),
  baseline: z.number().nullable(),
});
export type IndicatorResult = z.infer<typeof IndicatorResultSchema>;

/** The indicator document of FORMATS.md §6. */
export const IndicatorDocumentSchema = z.object({
  year: z.number(),
  org: z.string(),
  orgName: z.string(),
  asOf: z.string(),
  indicators: z.array(IndicatorResultSchema),
});
export type IndicatorDocument = z.infer<typeof IndicatorDocumentSchema>;

/** Query of the gap list: a page of persons in the denominator but not the numerator. */
export const GapQuerySchema = IndicatorQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.coerce.number().int().min(0).optional(),
});
export type GapQuery = z.infer<typeof GapQuerySchema>;

/** One person on a gap list, identity masked, with the reason. */
export const GapPersonSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string().nullable(),
  town: z.string(),
  townName: z.string(),
  village: z.string().nullable(),
  villageName: z.string().nullable(),
  category: z.string(),
  level: z.number(),
  birthDate: z.string().nullable(),
  reason: z.object({ code: z.string(), message: z.string() }),
});

/** A page of a gap list. */
export const GapPageSchema = z.object({
  key: IndicatorKeySchema,
  year: z.number(),
  org: z.string(),
  total: z.number(),
  items: z.array(GapPersonSchema),
  nextCursor: z.number().nullable(),
});

/** Query of the trend endpoint (default 2021–2025). */
/** The years of the plan (十四五: 2021–2025): the dashboard offers them, and its trend spans them by default. */
export const planYears = [2021, 2022, 2023, 2024, 2025] as const;

export const TrendQuerySchema = z.object({
  org: OrgCodeSchema.optional(),
  from: YearSchema.default(planYears[0]),
  to: YearSchema.default(planYears[planYears.length - 1] as number),
});

/** Each indicator's value per year. */
export const TrendSchema = z.object({
  org: z.string(),
  years: z.array(z.number()),
  series: z.array(
    z.object({
      key: IndicatorKeySchema,
      name: z.string(),
      points: z.array(
        IndicatorResultSchema.pick({ numerator: true, denominator: true, value: true, target: true, met: true }).extend({
          year: z.number(),
        }),
      ),
    }),
  ),
});

/** Query of the town comparison. */
export const TownsQuerySchema = z.object({ year: YearSchema, org: OrgCodeSchema.optional(), asOf: DaySchema.optional() });

/** Every town's (or a town's villages') indicators side by side. */
export const TownComparisonSchema = z.object({
  year: z.number(),
  org: z.string(),
  units: z.array(z.object({ code: z.string(), name: z.string(), indicators: z.array(IndicatorResultSchema) })),
});

/** An administrator-set parameter value. */
export const ParameterValueSchema = z.object({ value: z.number().finite(), source: z.string().trim().min(1).max(500) });

/** A stored parameter value. */
export const ParameterEntrySchema = z.object({
  key: z.string(),
  year: z.number(),
  value: z.number(),
  source: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type ParameterEntry = z.infer<typeof ParameterEntrySchema>;
