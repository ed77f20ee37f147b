import type { Database } from '../../db/connect.ts';
import type { Decision } from '../../domain/policy/decision.ts';
import { type Program, evaluate } from '../../domain/policy/evaluate.ts';
import { activeEnrolment } from '../../domain/policy/facts.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import type { Scope } from '../access/scope.ts';
import { type FactsFilter, type LoadedEnrolment, type StoredFacts, streamFacts } from './facts-store.ts';

/** A decision with what the registry says is paid: an enrolment in the programme active on the date. */
export type EvaluatedDecision = Decision & { receiving: boolean; enrolmentId: number | null; receivedAmountFen: number | null };

/** One person's facts and decisions. */
export type EvaluatedPerson = { person: StoredFacts; decisions: EvaluatedDecision[] };

/**
 * Persons evaluated per yielded batch. Decisions carry their reasons (some 15 KB of small objects per person);
 * handing them on a few persons at a time lets them die young in V8's scavenger. With 50,000-person batches most
 * survived two scavenges, were promoted and copied: a third of the run time went to the garbage collector.
 */
const evaluationBatch = 10;

/**
 * The rule's decision marked with the active enrolment that pays it: a new object with every field at once (adding
 * three fields to the rule's object afterwards cost V8 a map transition and a property store per decision).
 */
function withReceipt(d: Decision, enrolment: LoadedEnrolment | undefined): EvaluatedDecision {
  const receiving = enrolment !== undefined;
  const enrolmentId = enrolment?.id ?? null;
  const receivedAmountFen = enrolment?.monthlyAmountFen ?? null;
  const { program, day, eligible, monthlyAmount, reasons, priority } = d;
  if (priority === undefined) return { program, day, eligible, monthlyAmount, reasons, receiving, enrolmentId, receivedAmountFen };
  return { program, day, eligible, monthlyAmount, reasons, priority, receiving, enrolmentId, receivedAmountFen };
}

/** Decides the programmes for one person and marks which ones an active enrolment pays. */
export function evaluatePerson(person: StoredFacts, programs: readonly Program[], params: ParamSet, asOf: string): EvaluatedPerson {
  const decisions: EvaluatedDecision[] = [];
  for (const program of programs) {
    const enrolment = activeEnrolment(person, program, asOf) as LoadedEnrolment | undefined;
    decisions.push(withReceipt(evaluate(program, person, asOf, params), enrolment));
  }
  return { person, decisions };
}

/** Streams every person in scope with decisions for the programmes, batch by batch (memory stays flat). */
export async function* evaluateAll(
  database: Database,
  scope: Scope,
  filter: FactsFilter,
  programs: readonly Program[],
  params: ParamSet,
): AsyncGenerator<EvaluatedPerson[]> {
  for await (const chunk of streamFacts(database, scope, filter)) {
    for (let start = 0; start < chunk.length; start += evaluationBatch) {
      const batch: EvaluatedPerson[] = [];
      const end = Math.min(chunk.length, start + evaluationBatch);
      for (let i = start; i < end; i++) batch.push(evaluatePerson(chunk[i] as StoredFacts, programs, params, filter.asOf));
      yield batch;
    }
  }
}
