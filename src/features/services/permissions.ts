import { AppError } from '../../contracts/app-error.ts';
import { can, type Scope } from '../access/scope.ts';

/**
 * Who may record survey answers and services: anyone with person.write, and village workers (村专职委员), whose
 * form the needs survey is (DOMAIN.md §8: "village worker: survey, visits"). roles.ts has no survey grant yet;
 * until access/ adds one (e.g. 'survey.write'), this is the rule.
 */
export function canRecordServices(scope: Scope): boolean {
  return can(scope, 'person.write') || scope.role === 'villageWorker';
}

/** Throws FORBIDDEN unless the scope may record survey answers and services. */
export function assertCanRecordServices(scope: Scope): void {
  if (!canRecordServices(scope)) throw new AppError('FORBIDDEN', { details: { permission: 'survey.write' } });
}
