import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type UserPreferences, UserPreferencesSchema } from '../../contracts/preferences.ts';
import type { Database } from '../../db/connect.ts';
import { requireScope } from './auth.ts';

/** Reads a user's preferences; missing or unreadable values fall back to the defaults. */
export async function getPreferences(database: Database, userId: number): Promise<UserPreferences> {
  const row = await database.db.selectFrom('app_user').select('preferences_json').where('id', '=', userId).executeTakeFirst();
  const parsed = UserPreferencesSchema.safeParse(row?.preferences_json ? JSON.parse(row.preferences_json) : {});
  return parsed.success ? parsed.data : UserPreferencesSchema.parse({});
}

/** GET and PUT /api/v1/me/preferences: the signed-in user's own preferences (API tokens have none). */
export function registerPreferenceRoutes(server: FastifyInstance, database: Database): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['session'], response: { 200: UserPreferencesSchema } };
  app.get('/api/v1/me/preferences', { schema }, async (req) => {
    const scope = requireScope(req);
    return scope.userId === null ? UserPreferencesSchema.parse({}) : getPreferences(database, scope.userId);
  });
  app.put('/api/v1/me/preferences', { schema: { ...schema, body: UserPreferencesSchema } }, async (req) => {
    const scope = requireScope(req);
    if (scope.userId !== null) {
      await database.db
        .updateTable('app_user')
        .set({ preferences_json: JSON.stringify(req.body) })
        .where('id', '=', scope.userId)
        .execute();
    }
    return req.body;
  });
}
