import { z } from 'zod';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Query of GET /api/v1/renewals and …/renewals/export (docs/renewals.md). */
export const RenewalQuerySchema = z.object({
  /** The day to look from; today when absent. */
  date: DaySchema.optional(),
  /** How many days ahead a certificate counts as due soon (default 90). */
  within: z.coerce.number().int().min(0).max(365).default(90),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  village: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  state: z.enum(['expired', 'dueSoon']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

/** A renewal query after defaults. */
export type RenewalQuery = z.infer<typeof RenewalQuerySchema>;

/** One person whose certificate has expired or soon will, with the benefits that stop if it is not renewed. */
export const RenewalItemSchema = z.object({
  personId: z.number(),
  name: z.string(),
  idNumber: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  category: z.string().nullable(),
  level: z.number().nullable(),
  town: z.object({ code: z.string(), name: z.string() }),
  village: z.object({ code: z.string(), name: z.string() }).nullable(),
  validUntil: z.string(),
  daysLeft: z.number(),
  state: z.enum(['expired', 'dueSoon']),
  benefits: z.array(z.string()),
});

/** The answer of GET /api/v1/renewals: counts for the whole filter, and one page of persons. */
export const RenewalPageSchema = z.object({
  date: z.string(),
  within: z.number(),
  counts: z.object({ expired: z.number(), dueSoon: z.number() }),
  byTown: z.array(z.object({ code: z.string(), name: z.string(), expired: z.number(), dueSoon: z.number() })),
  items: z.array(RenewalItemSchema),
  nextCursor: z.string().nullable(),
});
