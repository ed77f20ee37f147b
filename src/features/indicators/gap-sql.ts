import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { IndicatorDefinition } from '../../domain/indicators/definition.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { compileCondition } from './compile-condition.ts';
import type { EvalContext, OrgFilter } from './eval-context.ts';
import { joinsOf, statementContext } from './statement-facts.ts';
import { aliveAndRegistered, evaluatedPersons, inOrgUnit, populationJoin } from './population-sql.ts';
import { eventPersons } from './measure-sql.ts';

/** One person on a gap list as the query returns it. */
export type GapRow = {
  id: number;
  name: string;
  id_number: string | null;
  town_code: string;
  town_name: string;
  village_code: string | null;
  village_name: string | null;
  category: string;
  level: number;
  birth_date: string | null;
  has_survey: number;
};

/** Persons with a qualifying event for a count indicator: the count's own rule (measure-sql.ts). */
function countedPersons(def: IndicatorDefinition, ctx: EvalContext): RawBuilder<boolean> {
  const m = def.measure;
  if (m.type !== 'personCount' && m.type !== 'householdCount') throw new AppError('INDICATOR_NO_GAPS');
  return sql<boolean>`(person.id in (${eventPersons(m, ctx)}))`;
}

/** The condition "in the gap": in the denominator (or the gap population of a count) and not in the numerator. */
export function gapCondition(def: IndicatorDefinition, ctx: EvalContext): RawBuilder<boolean> {
  const m = def.measure;
  if (m.type === 'rate') return sql<boolean>`${compileCondition(m.denominator, ctx)} and not (${compileCondition(m.numerator, ctx)})`;
  if (m.type === 'incomeGrowth' || !m.gapPopulation) throw new AppError('INDICATOR_NO_GAPS');
  return sql<boolean>`${compileCondition(m.gapPopulation, ctx)} and not ${countedPersons(def, ctx)}`;
}

function gapWhere(def: IndicatorDefinition, ctx: EvalContext, org: OrgFilter, scope: Scope): RawBuilder<unknown> {
  return sql`${aliveAndRegistered(ctx.asOf)} and ${inOrgUnit(org)} and ${personInScope(scope)} and ${gapCondition(def, ctx)}`;
}

/** One page of the gap list in person-id order after `after`, scoped. */
export function gapPageSql(
  def: IndicatorDefinition,
  outer: EvalContext,
  org: OrgFilter,
  scope: Scope,
  after: number,
  limit: number,
): RawBuilder<GapRow> {
  const ctx = statementContext(outer);
  const where = gapWhere(def, ctx, org, scope);
  const hasSurvey = compileCondition({ hasSurvey: true }, ctx);
  return sql<GapRow>`select person.id, person.name, person.id_number, person.town_code, town.name as town_name,
      person.village_code, village.name as village_name, c.category, c.level, person.birth_date,
      case when ${hasSurvey} then 1 else 0 end as has_survey
    from ${populationJoin(ctx.asOf, evaluatedPersons(ctx))} ${joinsOf(ctx)}
      join org_unit town on town.code = person.town_code
      left join org_unit village on village.code = person.village_code
    where ${where} and person.id > ${after}
    order by person.id
    limit ${limit}`;
}

/** How many persons the gap list holds. */
export function gapCountSql(def: IndicatorDefinition, outer: EvalContext, org: OrgFilter, scope: Scope): RawBuilder<{ total: number }> {
  const ctx = statementContext(outer);
  const where = gapWhere(def, ctx, org, scope);
  return sql<{
    total: number;
  }>`select count(*) as total from ${populationJoin(ctx.asOf, evaluatedPersons(ctx))} ${joinsOf(ctx)} where ${where}`;
}
