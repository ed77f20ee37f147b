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
 * per person. "All persons" is the id span: two index probes (each in its own subquery: SQLite optimises a lone
 * min() or max(), not both in one select), where counting a province's persons took PostgreSQL ~60 ms. Persons are
 * never deleted, only marked, so the span is their number. The run's persons are counted up to the threshold only.
 */
export async function isNarrow(database: Database, where: Expression<SqlBool>): Promise<boolean> {
  const span = await sql<{
    lo: number | null;
    hi: number | null;
  }>`select (select min(id) from person) as lo, (select max(id) from person) as hi`.execute(database.db);
  const { lo, hi } = span.rows[0] ?? { lo: null, hi: null };
  const total = lo === null || hi === null ? 0 : Number(hi) - Number(lo) + 1;
  const limit = Math.floor(narrowShare() * total);
  const chosen = await sql<{
    n: number | string;
  }>`select count(*) as n from (select 1 as one from person where ${where} limit ${limit + 1}) chosen`.execute(database.db);
  return Number(chosen.rows[0]?.n ?? 0) <= limit;
}
