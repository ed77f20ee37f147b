import { type Expression, type SqlBool, sql } from 'kysely';
import type { Database } from './connect.ts';

/**
 * Up to this share of all persons a run is "narrow": it reads the per-person tables for its own persons rather than
 * whole. SMART_DPF_NARROW_SHARE overrides (0: never narrow, 1: always; the tests compare the two).
 */
function narrowShare(): number {
  return Number(process.env.SMART_DPF_NARROW_SHARE ?? 0.5);
}

/**
 * Whether the persons meeting `where` (a condition on `person`) are few among all persons: at most half by default
 * (a county of a province, a town of a county). Such a run costs what its persons hold when it reads each
 * per-person table for them only; a run over most persons reads the tables whole, which is cheaper than a lookup
 * per person. Two counts, each from an index.
 */
export async function isNarrow(database: Database, where: Expression<SqlBool>): Promise<boolean> {
  const { rows } = await sql<{ chosen: number | string; total: number | string }>`select
      (select count(*) from person where ${where}) as chosen, (select count(*) from person) as total`.execute(database.db);
  const row = rows[0];
  return row !== undefined && Number(row.chosen) <= narrowShare() * Number(row.total);
}
