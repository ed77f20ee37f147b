import { AppError } from '../../contracts/app-error.ts';
import type { GapQuery } from '../../contracts/indicators.ts';
import type { Database } from '../../db/connect.ts';
import { type IndicatorDefinition, isIndicatorKey } from '../../domain/indicators/definition.ts';
import { indicatorDefinition } from '../../domain/indicators/definitions.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { auditRead } from '../access/audit.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import type { EvalContext } from './eval-context.ts';
import { type GapRow, gapCountSql, gapPageSql } from './gap-sql.ts';
import { type OrgUnitRef, resolveOrg } from './org-scope.ts';
import { runAnalytic } from './compute.ts';
import { narrowedContext } from './narrow-facts.ts';
import { contextFor } from './service.ts';

const noSurvey = { code: 'NO_SURVEY', message: '本年度未完成动态更新调查，也没有部门名单或服务记录' };

/** Why this person is on the gap list: the indicator's reason, or a missing survey answer when that is the cause. */
export function gapReason(def: IndicatorDefinition, row: Pick<GapRow, 'has_survey'>) {
  return Number(row.has_survey) === 1 ? def.gapReason : noSurvey;
}

/** A gap-list person as the API shows it: ID number masked. */
export function presentGapPerson(def: IndicatorDefinition, r: GapRow) {
  return {
    id: r.id,
    name: r.name,
    idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
    town: r.town_code,
    townName: r.town_name,
    village: r.village_code,
    villageName: r.village_name,
    category: r.category,
    level: Number(r.level),
    birthDate: r.birth_date,
    reason: gapReason(def, r),
  };
}

/** The definition, org and context a gap request is about, after the scope check. */
export async function gapTarget(database: Database, scope: Scope, key: string, query: { year: number; org?: string; asOf?: string }) {
  assertCan(scope, 'person.read');
  if (!isIndicatorKey(key)) throw new AppError('INDICATOR_UNKNOWN', { path: ['params', 'key'] });
  const def = indicatorDefinition(key);
  if (def.measure.type === 'incomeGrowth') throw new AppError('INDICATOR_NO_GAPS', { path: ['params', 'key'] });
  const org: OrgUnitRef = await resolveOrg(database.db, scope, query.org);
  const ctx: EvalContext = await narrowedContext(database, await contextFor(database, query.year, query.asOf), org);
  return { def, org, ctx };
}

/** One page of an indicator's gap list (persons in the denominator but not the numerator), masked and audited. */
export async function gapPage(database: Database, scope: Scope, key: string, query: GapQuery) {
  const { def, org, ctx } = await gapTarget(database, scope, key, query);
  const { rows } = await runAnalytic(database.db, ctx, (q) =>
    gapPageSql(def, ctx, org, scope, query.cursor ?? 0, query.limit + 1).execute(q),
  );
  const { rows: count } = await runAnalytic(database.db, ctx, (q) => gapCountSql(def, ctx, org, scope).execute(q));
  const page = rows.slice(0, query.limit);
  await auditRead(database, scope, {
    action: 'indicator.gaps',
    targetType: 'indicator',
    targetId: def.key,
    outcome: 'success',
    details: { year: query.year, org: org.code, returned: page.length },
  });
  return {
    key: def.key,
    year: query.year,
    org: org.code,
    total: Number(count[0]?.total ?? 0),
    items: page.map((r) => presentGapPerson(def, r)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
