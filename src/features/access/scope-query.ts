import { type ExpressionBuilder, type Expression, type SqlBool, expressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { type Scope, scopeFilter } from './scope.ts';

/**
 * How the query reads the scope's persons: `listed` (pages sorted by name or another column: the usual) or `byId`
 * (every person of the scope in id order, as the benefit facts read them): only a `byId` read may lead through the
 * county index.
 */
export type ScopeOrder = 'listed' | 'byId';

/**
 * The SQL condition that keeps a query on `person` inside the scope's subtree. Store functions add it to every
 * query that touches persons; `true` for a province-wide scope.
 */
export function personInScope(
  scope: Scope,
  eb: ExpressionBuilder<DB, 'person'> = expressionBuilder<DB, 'person'>(),
  order: ScopeOrder = 'listed',
): Expression<SqlBool> {
  const f = scopeFilter(scope);
  if (!f) return eb.lit(true);
  const column = `person.${f.column}` as const;
  if (f.prefix) return eb(column, 'like', `${f.value}%`);
  // A county's persons are most of a county database's: through person_county_idx, a page of the registry sorted
  // by name would read and sort the whole county (0.9 s at 1,000,000 persons instead of 1 ms by the name index), and
  // SQLite's planner, without statistics, takes the index. `|| ''` keeps a listed query's condition off it; a read
  // in id order wants it (a county of a province then reads its own persons only).
  if (f.column === 'county_code' && order === 'listed') return sql<SqlBool>`${sql.ref(column)} || '' = ${f.value}`;
  return eb(column, '=', f.value);
}
