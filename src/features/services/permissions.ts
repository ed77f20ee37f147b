import { assertCan, can, type Scope } from '../access/scope.ts';

/** Who may record survey answers and services: the survey.write grant (staff, and village workers whose form it is). */
export function canRecordServices(scope: Scope): boolean {
  return can(scope, 'survey.write');
}

/** Throws FORBIDDEN unless the scope may record survey answers and services. */
export function assertCanRecordServices(scope: Scope): void {
  assertCan(scope, 'survey.write');
}
