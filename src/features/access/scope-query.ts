import { type ExpressionBuilder, type Expression, type SqlBool, expressionBuilder } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { type Scope, scopeFilter } from './scope.ts';

/**
 * The SQL condition that keeps a query on `person` inside the scope's subtree. Store functions add it to every
 * query that touches persons; `true` for a province-wide scope.
 */
export function personInScope(scope: Scope, eb: ExpressionBuilder<DB, 'person'> = expressionBuilder<DB, 'person'>()): Expression<SqlBool> {
  const f = scopeFilter(scope);
  if (!f) return eb.lit(true);
  const column = `person.${f.column}` as const;
  return f.prefix ? eb(column, 'like', `${f.value}%`) : eb(column, '=', f.value);
}
