import type { EvaluatedPerson } from '../src/features/benefits/evaluation.ts';
import { gapOf } from '../src/features/benefits/gaps.ts';

/** What the eligibility bench counts of a run: decisions, gap-list entries and every reason read. */
export type EligibilityTally = {
  decisions: number;
  eligible: number;
  reasons: { total: number; failed: number; messageChars: number };
  gaps: { eligibleNotReceiving: number; receivingNotEligible: number };
};

export function emptyTally(): EligibilityTally {
  return {
    decisions: 0,
    eligible: 0,
    reasons: { total: 0, failed: 0, messageChars: 0 },
    gaps: { eligibleNotReceiving: 0, receivingNotEligible: 0 },
  };
}

/**
 * The bench's reducer (evaluation-lanes.ts), run where the persons were evaluated: reads every reason's code,
 * message and source as `smart-dpf eligibility` prints them, so that reasons must be there, not merely promised.
 */
export function tallyDecisions(batch: EvaluatedPerson[]): EligibilityTally[] {
  const t = emptyTally();
  for (const p of batch) {
    for (const d of p.decisions) {
      t.decisions += 1;
      if (d.eligible) t.eligible += 1;
      const gap = gapOf(d);
      if (gap) t.gaps[gap] += 1;
      for (const r of d.reasons) {
        t.reasons.total += 1;
        if (!r.held && !r.info) t.reasons.failed += 1;
        t.reasons.messageChars += r.message.length + r.code.length + r.source.length;
      }
    }
  }
  return [t];
}

/** Adds one tally into another. */
export function addTally(into: EligibilityTally, t: EligibilityTally): void {
  into.decisions += t.decisions;
  into.eligible += t.eligible;
  into.reasons.total += t.reasons.total;
  into.reasons.failed += t.reasons.failed;
  into.reasons.messageChars += t.reasons.messageChars;
  into.gaps.eligibleNotReceiving += t.gaps.eligibleNotReceiving;
  into.gaps.receivingNotEligible += t.gaps.receivingNotEligible;
}
