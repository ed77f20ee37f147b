import type { Database } from '../../db/connect.ts';
import { programs } from '../../domain/policy/evaluate.ts';
import type { Day } from '../../domain/time/day.ts';
import { recordAudit } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import type { EvaluatedPerson } from './evaluation.ts';
import { evaluateReduced } from './evaluation-lanes.ts';
import { type GapKind, type GapQuery, gapItems } from './gaps.ts';
import { loadParamSet } from './param-store.ts';
import { assertBenefit } from './permissions.ts';
import { benefitsDb, coreDb } from './tables.ts';
import { type NewTask, assertAssignee, openTasks } from './tasks.ts';

/** An enrolment paid on the date, with the stop-review task it needs when its person is no longer eligible. */
type ReceivedEnrolment = { task: NewTask | null };

/** The enrolments paid on the date and the review tasks they need: the stop review's reducer, run in every lane. */
export function receivedEnrolmentsOf(batch: EvaluatedPerson[]): ReceivedEnrolment[] {
  const out: ReceivedEnrolment[] = [];
  for (const { person, decisions } of batch) {
    for (const d of decisions) {
      if (!d.receiving) continue;
      if (d.eligible) {
        out.push({ task: null });
        continue;
      }
      const failed = d.reasons.filter((r) => !r.held && !r.info);
      const task: NewTask = {
        personId: person.personId,
        program: d.program,
        kind: 'stopReview',
        reasonCode: failed.map((r) => r.code).join(','),
        reason: failed.map((r) => r.message).join('；'),
        enrolmentId: d.enrolmentId,
        townCode: person.townCode,
      };
      out.push({ task });
    }
  }
  return out;
}

/**
 * The stop-condition review (`smart-dpf benefits review --date D`, POST /api/v1/benefits/review): every enrolment
 * whose person is no longer eligible on the date (death, certificate expired, moved out, left dibao, level change…)
 * gets an open `stopReview` task; an open stop review suspends the person from payment rolls until it is closed.
 */
export async function runBenefitReview(database: Database, scope: Scope, date: Day, today: Day) {
  assertBenefit(scope, 'benefit.review');
  const params = await loadParamSet(database);
  const found: NewTask[] = [];
  let checked = 0;
  const reducer = { module: import.meta.url, name: 'receivedEnrolmentsOf', reduce: receivedEnrolmentsOf, args: null };
  for await (const chunk of evaluateReduced(database, scope, { asOf: date }, programs, params, reducer)) {
    for (const r of chunk) {
      checked += 1;
      if (r.task) found.push(r.task);
    }
  }
  const opened = await benefitsDb(database)
    .transaction()
    .execute(async (trx) => {
      const n = await openTasks(trx, found, scope.username, today);
      await recordAudit(coreDb(trx), scope, {
        action: 'benefit.review',
        targetType: 'benefitTask',
        outcome: 'success',
        details: { date, checked, notEligible: found.length, opened: n },
      });
      return n;
    });
  return { date, checkedEnrolments: checked, notEligible: found.length, opened, alreadyOpen: found.length - opened };
}

/** Turns (part of) a gap list into follow-up tasks, optionally assigned to a town worker. */
export async function tasksFromGaps(
  database: Database,
  scope: Scope,
  q: GapQuery & { kind: GapKind; personIds?: number[]; assignTo?: string },
  today: Day,
) {
  assertBenefit(scope, 'benefit.task');
  const params = await loadParamSet(database);
  const wanted = q.personIds ? new Set(q.personIds) : null;
  const tasks: NewTask[] = [];
  for await (const chunk of gapItems(database, scope, q, params)) {
    for (const i of chunk) {
      if (wanted && !wanted.has(i.personId)) continue;
      const failed = i.reasons.filter((r) => !r.held && !r.info);
      tasks.push({
        personId: i.personId,
        program: i.program,
        kind: i.kind,
        reasonCode: failed.map((r) => r.code).join(',') || 'ELIGIBLE',
        reason: i.summary,
        enrolmentId: i.enrolmentId,
        townCode: i.town,
      });
    }
  }
  return benefitsDb(database)
    .transaction()
    .execute(async (trx) => {
      if (q.assignTo) for (const town of new Set(tasks.map((t) => t.townCode))) await assertAssignee(trx, q.assignTo, town);
      const opened = await openTasks(trx, tasks, scope.username, today, q.assignTo ?? null);
      await recordAudit(coreDb(trx), scope, {
        action: 'benefit.gaps.tasks',
        targetType: 'benefitTask',
        outcome: 'success',
        details: { ...q, found: tasks.length, opened },
      });
      return { found: tasks.length, opened };
    });
}
