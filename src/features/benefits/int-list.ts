import { PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';

/** `column IN (ids)` with the ids as ONE parameter (json_each on SQLite, an int array on PostgreSQL). */
export function inIntList(db: { getExecutor(): { adapter: unknown } }, column: string, values: readonly number[]): RawBuilder<SqlBool> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql<SqlBool>`${sql.ref(column)} = any(${[...values]}::int[])`;
  return sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}
