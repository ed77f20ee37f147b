import type { Database } from '../../db/connect.ts';
import { type Program, programs as allPrograms } from '../../domain/policy/evaluate.ts';
import type { Day } from '../../domain/time/day.ts';
import type { Scope } from '../access/scope.ts';
import { evaluateAll } from './evaluation.ts';
import { loadParamSet } from './param-store.ts';

/** One decision as FORMATS.md §2 prints it. */
export type EligibilityLine = {
  idNumber: string | null;
  program: Program;
  eligible: boolean;
  receiving: boolean;
  monthlyAmount: number | null;
  reasons: { code: string; held: boolean; message: string; source: string }[];
};

/**
 * The `smart-dpf eligibility` document: `{ date, decisions: [...] }` (FORMATS.md §2), amounts in fen, receiving =
 * an active enrolment on the date. Streams decisions to `onLine` so that a whole county never sits in memory.
 */
export async function eligibilityDecisions(
  database: Database,
  scope: Scope,
  options: { date: Day; program?: Program; idNumber?: string },
  onLine: (line: EligibilityLine) => void,
): Promise<number> {
  const params = await loadParamSet(database);
  const programs = options.program ? [options.program] : allPrograms;
  let count = 0;
  const filter = { asOf: options.date, ...(options.idNumber ? { idNumber: options.idNumber } : {}) };
  for await (const chunk of evaluateAll(database, scope, filter, programs, params)) {
    for (const { person, decisions } of chunk) {
      for (const d of decisions) {
        count += 1;
        onLine({
          idNumber: person.idNumber,
          program: d.program as Program,
          eligible: d.eligible,
          receiving: d.receiving,
          monthlyAmount: d.monthlyAmount,
          reasons: d.reasons.map(({ code, held, message, source }) => ({ code, held, message, source })),
        });
      }
    }
  }
  return count;
}
