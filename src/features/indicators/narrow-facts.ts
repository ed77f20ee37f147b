import type { Database } from '../../db/connect.ts';
import { isNarrow } from '../../db/person-share.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { inOrgUnit } from './population-sql.ts';

/**
 * The context for evaluating the org unit, narrowed to it (`narrowTo`) when it holds few of the database's persons
 * (db/person-share.ts: a county of a province, a town of a county): each per-person fact table (enrolments,
 * services, household flags, survey flags) is then read for the unit's persons only, so that a county's indicators
 * cost what the county holds, not what the province holds.
 */
export async function narrowedContext(database: Database, ctx: EvalContext, org: OrgFilter): Promise<EvalContext> {
  // A refresh of some blocks already reads the facts of their persons only (a few hundred): no count needed.
  if (ctx.blocks) return ctx;
  return (await isNarrow(database, inOrgUnit(org))) ? { ...ctx, narrowTo: org } : ctx;
}
