import type { Permission } from '../access/roles.ts';
import { assertCan, can, type Scope } from '../access/scope.ts';

/** What a role may do with benefits: the benefit.* and policy.* grants of access/roles.ts. */
export type BenefitGrant = Extract<Permission, `benefit.${string}` | `policy.${string}`>;

/** True when the scope holds the benefit grant (the command line holds all). */
export function canBenefit(scope: Scope, grant: BenefitGrant): boolean {
  return can(scope, grant);
}

/** Throws FORBIDDEN unless the scope holds the grant. */
export function assertBenefit(scope: Scope, grant: BenefitGrant): void {
  assertCan(scope, grant);
}
