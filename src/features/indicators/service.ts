import type { IndicatorDocument, IndicatorQuery, IndicatorResult } from '../../contracts/indicators.ts';
import type { Database } from '../../db/connect.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import type { OrgLevel } from '../../domain/indicators/evaluate.ts';
import { type Day, yearEnd } from '../../domain/time/day.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import type { IndicatorTallies } from './compute.ts';
import { storedIndicators } from './snapshots.ts';
import { loadParamSet } from '../benefits/param-store.ts';
import { eligibilityParams } from './eligibility-params.ts';
import { type EvalContext, evalContext } from './eval-context.ts';
import { childUnits, type OrgUnitRef, resolveOrg } from './org-scope.ts';
import { parametersFor } from './parameters-store.ts';
import { presentIndicator } from './present.ts';

/** The evaluation context of a year: 31 December unless another date is asked for. */
export async function contextFor(database: Database, year: number, asOf?: Day): Promise<EvalContext> {
  const day = asOf ?? yearEnd(year);
  const policy = eligibilityParams(await loadParamSet(database), day);
  return evalContext(year, day, await parametersFor(database.db, year), policy, database.engine);
}

/** Presents every indicator of one org code from computed tallies. */
export function presentUnit(tallies: IndicatorTallies, code: string, level: OrgLevel, ctx: EvalContext): IndicatorResult[] {
  return indicatorDefinitions.map((def) => {
    const tally = tallies.get(def.key)?.get(code) ?? { numerator: 0, denominator: def.measure.type === 'rate' ? 0 : null };
    return presentIndicator(def, tally, level, ctx.params);
  });
}

/** The indicator document (FORMATS.md §6) of an org unit in the scope for a year (aggregates only: no personal data). */
export async function evaluateIndicators(database: Database, scope: Scope, query: IndicatorQuery): Promise<IndicatorDocument> {
  assertCan(scope, 'person.read');
  const org = await resolveOrg(database.db, scope, query.org);
  const ctx = await contextFor(database, query.year, query.asOf);
  const tallies = await storedIndicators(database, ctx, org);
  return { year: query.year, org: org.code, orgName: org.name, asOf: ctx.asOf, indicators: presentUnit(tallies, org.code, org.level, ctx) };
}

/** Each town of a county (or village of a town) side by side, for the dashboard's comparison. */
export async function compareUnits(database: Database, scope: Scope, query: IndicatorQuery) {
  assertCan(scope, 'person.read');
  const org = await resolveOrg(database.db, scope, query.org);
  const ctx = await contextFor(database, query.year, query.asOf);
  const tallies = await storedIndicators(database, ctx, org);
  const level: OrgLevel = org.level === 'county' ? 'town' : 'village';
  const units = (await childUnits(database.db, org)).map((u) => ({ ...u, indicators: presentUnit(tallies, u.code, level, ctx) }));
  return { year: query.year, org: org.code, units };
}

/** Each indicator per year from `from` to `to` (31 December of each), for the dashboard's trend lines. */
export async function indicatorTrend(database: Database, scope: Scope, query: { org?: string; from: number; to: number }) {
  assertCan(scope, 'person.read');
  const org: OrgUnitRef = await resolveOrg(database.db, scope, query.org);
  const years: number[] = [];
  for (let y = query.from; y <= Math.min(query.to, query.from + 20); y++) years.push(y);
  const perYear: IndicatorResult[][] = [];
  for (const year of years) {
    const ctx = await contextFor(database, year);
    perYear.push(presentUnit(await storedIndicators(database, ctx, org), org.code, org.level, ctx));
  }
  const series = indicatorDefinitions.map((def, i) => ({
    key: def.key,
    name: def.name.zh,
    points: years.map((year, y) => {
      const r = perYear[y]?.[i] as IndicatorResult;
      return { year, numerator: r.numerator, denominator: r.denominator, value: r.value, target: r.target, met: r.met };
    }),
  }));
  return { org: org.code, years, series };
}
