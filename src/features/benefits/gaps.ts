import type { GapItem, GapKind } from '../../contracts/benefits.ts';
import type { Database } from '../../db/connect.ts';
import { maskIdNumber } from '../../domain/identity/id-number.ts';
import { type Program, programs as allPrograms } from '../../domain/policy/evaluate.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import type { Day } from '../../domain/time/day.ts';
import type { Scope } from '../access/scope.ts';
import type { EvaluatedDecision, EvaluatedPerson } from './evaluation.ts';
import { evaluateReduced } from './evaluation-lanes.ts';

// The gap item is a wire shape, declared once in contracts/ for the server and the web app.
export type { GapItem, GapKind };

/** The gap a decision falls in, if any. */
export function gapOf(d: EvaluatedDecision): GapKind | null {
  if (d.eligible && !d.receiving) return 'eligibleNotReceiving';
  if (!d.eligible && d.receiving) return 'receivingNotEligible';
  return null;
}

function summaryOf(kind: GapKind, d: EvaluatedDecision): string {
  if (kind === 'eligibleNotReceiving') return '符合条件但未享受，请核实后代为申请';
  return `正在享受但不符合条件：${d.reasons
    .filter((r) => !r.held && !r.info)
    .map((r) => r.message)
    .join('；')}`;
}

/** The gap item of one person and decision. */
export function gapItem(p: EvaluatedPerson, d: EvaluatedDecision, kind: GapKind): GapItem {
  return {
    personId: p.person.personId,
    name: p.person.name,
    idNumber: p.person.idNumber ? maskIdNumber(p.person.idNumber) : null,
    town: p.person.townCode,
    village: p.person.villageCode,
    program: d.program as Program,
    kind,
    monthlyAmount: d.monthlyAmount,
    receivedAmount: d.receivedAmountFen,
    enrolmentId: d.enrolmentId,
    summary: summaryOf(kind, d),
    reasons: d.reasons.map(({ code, held, info, message, source }) => ({ code, held, info: info === true, message, source })),
  };
}

/** What to list: programme(s), kind(s), an org unit (town or village code) inside the scope, a date. */
export type GapQuery = { date: Day; program?: Program; kind?: GapKind; org?: string };

function orgFilter(org: string | undefined): { town?: string; village?: string } {
  if (!org || org.length <= 6) return {};
  return org.length === 9 ? { town: org } : { village: org };
}

/** The gap items of evaluated persons (of one kind, or both): the reducer of gapItems, run in every lane. */
export function gapItemsOf(batch: EvaluatedPerson[], kind: GapKind | null): GapItem[] {
  const items: GapItem[] = [];
  for (const p of batch) {
    for (const d of p.decisions) {
      const gap = gapOf(d);
      if (gap && (!kind || kind === gap)) items.push(gapItem(p, d, gap));
    }
  }
  return items;
}

/** Streams the gap items of the query, chunk by chunk, in person order (a long run in lanes: evaluation-lanes.ts). */
export async function* gapItems(database: Database, scope: Scope, q: GapQuery, params: ParamSet): AsyncGenerator<GapItem[]> {
  const programs = q.program ? [q.program] : allPrograms;
  const reducer = { module: import.meta.url, name: 'gapItemsOf', reduce: gapItemsOf, args: q.kind ?? null };
  yield* evaluateReduced(database, scope, { asOf: q.date, ...orgFilter(q.org) }, programs, params, reducer);
}
