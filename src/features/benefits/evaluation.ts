import type { Database } from '../../db/connect.ts';
import type { Decision } from '../../domain/policy/decision.ts';
import { type Program, evaluate } from '../../domain/policy/evaluate.ts';
import { activeEnrolment } from '../../domain/policy/facts.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import type { Scope } from '../access/scope.ts';
import { type FactsFilter, type StoredFacts, streamFacts } from './facts-store.ts';

/** A decision with what the registry says is paid: an enrolment in the programme active on the date. */
export type EvaluatedDecision = Decision & { receiving: boolean; enrolmentId: number | null; receivedAmountFen: number | null };

/** One person's facts and decisions. */
export type EvaluatedPerson = { person: StoredFacts; decisions: EvaluatedDecision[] };

/** Decides the programmes for one person and marks which ones an active enrolment pays. */
export function evaluatePerson(person: StoredFacts, programs: readonly Program[], params: ParamSet, asOf: string): EvaluatedPerson {
  return {
    person,
    decisions: programs.map((program) => {
      const enrolment = activeEnrolment(person, program, asOf) as (ReturnType<typeof activeEnrolment> & { id?: number }) | undefined;
      return {
        ...evaluate(program, person, asOf, params),
        receiving: enrolment !== undefined,
        enrolmentId: enrolment?.id ?? null,
        receivedAmountFen: enrolment?.monthlyAmountFen ?? null,
      };
    }),
  };
}

/** Streams every person in scope with decisions for the programmes, chunk by chunk (memory stays flat). */
export async function* evaluateAll(
  database: Database,
  scope: Scope,
  filter: FactsFilter,
  programs: readonly Program[],
  params: ParamSet,
): AsyncGenerator<EvaluatedPerson[]> {
  for await (const chunk of streamFacts(database, scope, filter)) {
    yield chunk.map((person) => evaluatePerson(person, programs, params, filter.asOf));
  }
}
