import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { DB } from '../../db/tables.ts';
import type { OrgLevel } from '../../domain/indicators/evaluate.ts';
import type { Scope } from '../access/scope.ts';
import { orgLevelOf } from './eval-context.ts';

/** An org unit an evaluation is about. */
export type OrgUnitRef = { code: string; level: OrgLevel; name: string };

/** True when the org unit lies in the scope's subtree (codes nest: a town's code starts with its county's). */
export function orgInScope(scope: Scope, code: string): boolean {
  if (scope.orgLevel === 'province') return true;
  if (scope.orgLevel === 'city') return code.startsWith(scope.orgCode.slice(0, 4));
  return code.startsWith(scope.orgCode);
}

/**
 * The org unit asked for, or by default the caller's own (the county for province- and city-wide callers).
 * Unknown and out-of-scope units both answer NOT_FOUND, so probing reveals nothing.
 */
export async function resolveOrg(db: Kysely<DB>, scope: Scope, code?: string): Promise<OrgUnitRef> {
  const own = scope.orgLevel === 'county' || scope.orgLevel === 'town' || scope.orgLevel === 'village';
  const wanted = code ?? (own ? scope.orgCode : await firstCounty(db, scope));
  const level = orgLevelOf(wanted);
  if (!level || !orgInScope(scope, wanted)) throw new AppError('NOT_FOUND', { path: ['query', 'org'] });
  const row = await db.selectFrom('org_unit').select(['code', 'name', 'level']).where('code', '=', wanted).executeTakeFirst();
  if (!row || row.level !== level) throw new AppError('NOT_FOUND', { path: ['query', 'org'] });
  return { code: row.code, level, name: row.name };
}

async function firstCounty(db: Kysely<DB>, scope: Scope): Promise<string> {
  const rows = await db.selectFrom('org_unit').select('code').where('level', '=', 'county').orderBy('code').execute();
  const found = rows.find((r) => orgInScope(scope, r.code));
  if (!found) throw new AppError('NOT_FOUND', { path: ['query', 'org'] });
  return found.code;
}

/** The towns of a county or the villages of a town, by code, with names. */
export async function childUnits(db: Kysely<DB>, org: OrgUnitRef): Promise<{ code: string; name: string }[]> {
  if (org.level === 'village') return [];
  return db.selectFrom('org_unit').select(['code', 'name']).where('parent_code', '=', org.code).orderBy('code').execute();
}
