import { type Expression, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column IN (values)` with the values as ONE parameter: a JSON array read by json_each on SQLite, a text array on
 * PostgreSQL. Thousands of values cost one bind instead of thousands, and the statement text stays the same.
 */
export function inTextList(
  db: { getExecutor(): { adapter: unknown } },
  column: Expression<unknown> | RawBuilder<unknown>,
  values: readonly string[],
): RawBuilder<SqlBool> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql<SqlBool>`${column} = any(${[...values]}::text[])`;
  return sql<SqlBool>`${column} in (select value from json_each(${JSON.stringify(values)}))`;
}
