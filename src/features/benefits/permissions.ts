import { AppError } from '../../contracts/app-error.ts';
import type { Role } from '../access/roles.ts';
import type { Scope } from '../access/scope.ts';

/** What a role may do with benefits (kept here until access/roles.ts carries these grants). */
export type BenefitGrant =
  | 'benefit.read'
  | 'benefit.apply'
  | 'benefit.townReview'
  | 'benefit.approve'
  | 'benefit.task'
  | 'benefit.review'
  | 'benefit.roll'
  | 'benefit.rollApprove'
  | 'benefit.export'
  | 'benefit.simulate'
  | 'policy.read'
  | 'policy.edit';

const grants: Record<Role, readonly BenefitGrant[]> = {
  countyAdmin: [
    'benefit.read',
    'benefit.apply',
    'benefit.townReview',
    'benefit.approve',
    'benefit.task',
    'benefit.review',
    'benefit.roll',
    'benefit.rollApprove',
    'benefit.export',
    'benefit.simulate',
    'policy.read',
    'policy.edit',
  ],
  countyStaff: [
    'benefit.read',
    'benefit.apply',
    'benefit.townReview',
    'benefit.approve',
    'benefit.task',
    'benefit.review',
    'benefit.roll',
    'benefit.export',
    'benefit.simulate',
    'policy.read',
  ],
  townStaff: ['benefit.read', 'benefit.apply', 'benefit.townReview', 'benefit.task', 'benefit.export', 'policy.read'],
  villageWorker: ['benefit.read', 'policy.read'],
  departmentUser: ['policy.read'],
  auditor: ['benefit.read', 'policy.read'],
};

/** True when the scope's role holds the benefit grant (the command line holds all). */
export function canBenefit(scope: Scope, grant: BenefitGrant): boolean {
  return scope.role === 'system' || grants[scope.role].includes(grant);
}

/** Throws FORBIDDEN unless the scope holds the grant. */
export function assertBenefit(scope: Scope, grant: BenefitGrant): void {
  if (!canBenefit(scope, grant)) throw new AppError('FORBIDDEN', { details: { permission: grant } });
}
