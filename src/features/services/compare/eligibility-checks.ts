import type { Disagreement } from '../../../contracts/department-lists.ts';
import type { Database } from '../../../db/connect.ts';
import { maskIdNumber } from '../../../domain/identity/id-number.ts';
import { evaluate, isProgram } from '../../../domain/policy/evaluate.ts';
import type { EnrolmentFact, PersonFacts } from '../../../domain/policy/facts.ts';
import type { Day } from '../../../domain/time/day.ts';
import type { Scope } from '../../access/scope.ts';
import { streamFacts } from '../../benefits/facts-store.ts';
import { loadParamSet } from '../../benefits/param-store.ts';
import type { ListedPeriod } from './status-checks.ts';

/** A listed period with its amount, as the rules see an enrolment. */
export type ListedEnrolment = ListedPeriod & { monthlyAmountFen: number | null };

function activeOn(r: ListedPeriod, day: Day): boolean {
  return r.startDate <= day && (r.endDate === null || r.endDate >= day);
}

/** The person's facts with the programme's enrolments replaced by the list's rows (the picture after a commit). */
function withListed(facts: PersonFacts, program: string, rows: readonly ListedEnrolment[]): PersonFacts {
  const listed: EnrolmentFact[] = rows.map((r) => ({
    program,
    startDate: r.startDate,
    endDate: r.endDate,
    monthlyAmountFen: r.monthlyAmountFen,
  }));
  return { ...facts, enrolments: [...facts.enrolments.filter((e) => e.program !== program), ...listed] };
}

/**
 * Persons the list has receiving on `asOf` whom the programme's rule (src/domain/policy) finds not eligible that day,
 * e.g. an expired certificate or a level the programme does not cover. Programmes without a rule are not checked;
 * persons already flagged deceased or moved out are skipped (`skip`).
 */
export async function eligibilityDisagreements(
  database: Database,
  scope: Scope,
  program: string,
  rows: readonly ListedEnrolment[],
  asOf: Day,
  skip: ReadonlySet<number>,
): Promise<Disagreement[]> {
  if (!isProgram(program)) return [];
  const active = rows.filter((r) => activeOn(r, asOf) && !skip.has(r.personId));
  if (active.length === 0) return [];
  const byPerson = new Map<number, ListedEnrolment[]>();
  for (const r of active) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const params = await loadParamSet(database);
  const out: Disagreement[] = [];
  for await (const chunk of streamFacts(database, scope, { asOf, personIds: [...byPerson.keys()] })) {
    for (const facts of chunk) {
      const listed = byPerson.get(facts.personId) ?? [];
      const decision = evaluate(program, withListed(facts, program, listed), asOf, params);
      if (decision.eligible) continue;
      const failed = decision.reasons.filter((r) => !r.held && !r.info);
      out.push({
        row: listed[0]?.row ?? null,
        personId: facts.personId,
        idNumber: facts.idNumber ? maskIdNumber(facts.idNumber) : '',
        code: 'NOT_ELIGIBLE',
        program,
        date: asOf,
        reasons: failed.map((r) => ({ code: r.code, message: r.message })),
      });
    }
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
