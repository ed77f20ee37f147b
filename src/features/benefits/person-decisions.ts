import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { programs } from '../../domain/policy/evaluate.ts';
import type { Day } from '../../domain/time/day.ts';
import { auditRead } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import { requirePersonInScope } from '../registry/read-service.ts';
import { evaluatePerson } from './evaluation.ts';
import { streamFacts } from './facts-store.ts';
import { loadParamSet } from './param-store.ts';
import { assertBenefit } from './permissions.ts';

/** Every programme's decision for one person in scope on a date (the "why" staff explain to the citizen). */
export async function decisionsForPerson(database: Database, scope: Scope, personId: number, date: Day) {
  assertBenefit(scope, 'benefit.read');
  await requirePersonInScope(database, scope, personId, 'benefit.decisions');
  const params = await loadParamSet(database);
  for await (const chunk of streamFacts(database, scope, { asOf: date, personIds: [personId] })) {
    const person = chunk[0];
    if (!person) break;
    const { decisions } = evaluatePerson(person, programs, params, date);
    await auditRead(database, scope, {
      action: 'benefit.decisions',
      targetType: 'person',
      targetId: personId,
      outcome: 'success',
      details: { date },
    });
    return {
      date,
      personId,
      decisions: decisions.map((d) => ({
        program: d.program,
        eligible: d.eligible,
        receiving: d.receiving,
        monthlyAmount: d.monthlyAmount,
        priority: d.priority ?? null,
        reasons: d.reasons,
      })),
    };
  }
  throw new AppError('NOT_FOUND');
}
