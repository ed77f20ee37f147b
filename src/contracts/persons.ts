import { z } from 'zod';

/** Disability categories by their English identifier (DOMAIN.md §3). */
export const CategorySchema = z.enum(['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple']);
/** Disability level 1 (most severe) to 4. */
export const LevelSchema = z.coerce.number().int().min(1).max(4);
/** Person record status. */
export const PersonStatusSchema = z.enum(['active', 'deceased', 'movedOut']);
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Query of GET /api/v1/persons (and the body of POST /api/v1/persons/search, which keeps IDs out of URLs). */
export const PersonSearchSchema = z.object({
  q: z.string().trim().max(50).optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  village: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  category: CategorySchema.optional(),
  level: LevelSchema.optional(),
  status: PersonStatusSchema.optional(),
  ageFrom: z.coerce.number().int().min(0).max(130).optional(),
  ageTo: z.coerce.number().int().min(0).max(130).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type PersonSearch = z.infer<typeof PersonSearchSchema>;

/** A person in a list: identity masked unless revealed. */
export const PersonSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  town: z.string(),
  townName: z.string(),
  village: z.string().nullable(),
  villageName: z.string().nullable(),
  category: CategorySchema.nullable(),
  level: z.number().nullable(),
  status: PersonStatusSchema,
  certificateValidUntil: z.string().nullable(),
  version: z.number(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

/** A page of persons. */
export const PersonPageSchema = z.object({ items: z.array(PersonSummarySchema), nextCursor: z.string().nullable() });

/** One certificate in a person's history. */
export const CertificateSchema = z.object({
  certificateNumber: z.string(),
  category: CategorySchema,
  level: z.number(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  effectiveFrom: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

/** A person's full record. Fields a role may not read are absent. */
export const PersonDetailSchema = PersonSummarySchema.extend({
  hukou: z.enum(['urban', 'rural']).nullable().optional(),
  residencePermit: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  guardianName: z.string().nullable().optional(),
  guardianPhone: z.string().nullable().optional(),
  householdNo: z.string().nullable().optional(),
  householdMembers: z.array(z.object({ id: z.number(), name: z.string() })).optional(),
  deceasedOn: z.string().nullable().optional(),
  movedOutOn: z.string().nullable().optional(),
  certificates: z.array(CertificateSchema).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
}).partial({ idNumber: true, certificateNumber: true, gender: true, birthDate: true });
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

/** Editable person fields, as text in the persons-file conventions (FORMATS.md §3); validated like an import row. */
export const PersonFieldsSchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  certificateNumber: z.string(),
  category: z.string(),
  level: z.union([z.string(), z.number()]).transform(String),
  town: z.string(),
  village: z.string().nullable().optional(),
  hukou: z.string().nullable().optional(),
  certificateIssuedOn: z.string().nullable().optional(),
  certificateValidUntil: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  householdNo: z.string().nullable().optional(),
  guardianName: z.string().nullable().optional(),
  guardianPhone: z.string().nullable().optional(),
});
export type PersonFields = z.infer<typeof PersonFieldsSchema>;

/** Body of PATCH /api/v1/persons/{id}: the version read, and the fields to change. */
export const PersonPatchSchema = PersonFieldsSchema.partial().extend({ version: z.number().int().min(1) });
export type PersonPatch = z.infer<typeof PersonPatchSchema>;

/** Body of the status actions (mark deceased, mark moved out). */
export const PersonStatusChangeSchema = z.object({
  version: z.number().int().min(1),
  date: DaySchema,
  note: z.string().max(200).optional(),
});

/** Body of POST /api/v1/persons/{id}/reveal: which masked fields to show, and why (audited). */
export const RevealSchema = z.object({
  fields: z.array(z.enum(['idNumber', 'certificateNumber', 'phone', 'guardianPhone'])).min(1),
  reason: z.string().trim().min(2).max(200),
});

/** One entry of a person's change history. */
export const PersonHistoryEntrySchema = z.object({
  version: z.number(),
  action: z.string(),
  changedAt: z.string(),
  changedBy: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
