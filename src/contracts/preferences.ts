import { z } from 'zod';

/** A user's interface preferences: 关怀模式 (care mode: large text and targets) and language. */
export const UserPreferencesSchema = z.object({
  careMode: z.boolean().default(false),
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type UserPreferences = z.infer<typeof UserPreferencesSchema>;
