import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { type Program, evaluate } from '../../domain/policy/evaluate.ts';
import { findParam } from '../../domain/policy/parameter-catalog.ts';
import { type ParamOverrides, withOverrides } from '../../domain/policy/parameters.ts';
import type { Day } from '../../domain/time/day.ts';
import { auditRead } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import { streamFacts } from './facts-store.ts';
import { loadParamSet } from './param-store.ts';
import { validateParamValue } from './param-values.ts';
import { assertBenefit } from './permissions.ts';

type Totals = { persons: number; annualFen: number };
type TownRow = { town: string; program: Program; base: Totals; reform: Totals };

function checkOverrides(overrides: ParamOverrides): void {
  for (const [id, entries] of Object.entries(overrides)) {
    const param = findParam(id);
    if (!param) throw new AppError('VALIDATION', { message: `没有参数 ${id}`, path: ['overrides', id] });
    for (const e of entries) {
      const problem = validateParamValue(param, e.value);
      if (problem) throw new AppError('PARAM_VALUE_INVALID', { message: problem, path: ['overrides', id] });
    }
  }
}

function add(t: Totals, monthlyFen: number | null): void {
  t.persons += 1;
  t.annualFen += (monthlyFen ?? 0) * 12;
}

/**
 * "What if" (OpenFisca reform): the same rules over the registry with overridden parameters, compared with the
 * parameters in force — eligible persons and yearly cost (monthly amount on the date × 12) per town and programme.
 */
export async function simulate(database: Database, scope: Scope, input: { date: Day; overrides: ParamOverrides; programs?: Program[] }) {
  assertBenefit(scope, 'benefit.simulate');
  checkOverrides(input.overrides);
  const base = await loadParamSet(database);
  const reform = withOverrides(base, input.overrides);
  const programs = input.programs ?? (['livingSubsidy', 'nursingSubsidy'] as Program[]);
  const rows = new Map<string, TownRow>();
  for await (const chunk of streamFacts(database, scope, { asOf: input.date })) {
    for (const person of chunk) {
      for (const program of programs) {
        const key = `${person.townCode}|${program}`;
        const row = rows.get(key) ?? {
          town: person.townCode,
          program,
          base: { persons: 0, annualFen: 0 },
          reform: { persons: 0, annualFen: 0 },
        };
        rows.set(key, row);
        const b = evaluate(program, person, input.date, base);
        const r = evaluate(program, person, input.date, reform);
        if (b.eligible) add(row.base, b.monthlyAmount);
        if (r.eligible) add(row.reform, r.monthlyAmount);
      }
    }
  }
  const towns = [...rows.values()].sort((a, b) => (a.town + a.program < b.town + b.program ? -1 : 1));
  const sum = (pick: (t: TownRow) => number) => towns.reduce((s, t) => s + pick(t), 0);
  await auditRead(database, scope, {
    action: 'benefit.simulate',
    targetType: 'policyParameter',
    outcome: 'success',
    details: { date: input.date, overrides: Object.keys(input.overrides) },
  });
  return {
    date: input.date,
    overrides: input.overrides,
    towns: towns.map((t) => ({
      ...t,
      morePersons: t.reform.persons - t.base.persons,
      moreAnnualFen: t.reform.annualFen - t.base.annualFen,
    })),
    total: {
      morePersons: sum((t) => t.reform.persons - t.base.persons),
      moreAnnualFen: sum((t) => t.reform.annualFen - t.base.annualFen),
      basePersons: sum((t) => t.base.persons),
      reformPersons: sum((t) => t.reform.persons),
    },
  };
}
