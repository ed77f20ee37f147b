import type { Kysely } from 'kysely';
import { AppError } from '../../../contracts/app-error.ts';
import type { Disagreement } from '../../../contracts/department-lists.ts';
import type { DB } from '../../../db/tables.ts';
import { maskIdNumber } from '../../../domain/identity/id-number.ts';
import type { Scope } from '../../access/scope.ts';
import type { EnrolmentPlan } from '../enrolments/plan-enrolments.ts';
import { registryPersons } from './registry-persons.ts';

/** True when an org code lies in the scope's subtree (codes nest: county 441821, town 441821100). */
function orgInScope(scope: Scope, code: string): boolean {
  if (scope.orgLevel === 'province') return true;
  if (scope.orgLevel === 'city') return code.startsWith(scope.orgCode.slice(0, 4));
  return code.startsWith(scope.orgCode);
}

/** Checks the org a list is declared complete for: a county or town in the scope (ORG_UNKNOWN otherwise). */
export async function checkCompleteFor(db: Kysely<DB>, scope: Scope, code: string): Promise<void> {
  const org = await db.selectFrom('org_unit').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
  if (!org || (org.level !== 'county' && org.level !== 'town') || !orgInScope(scope, code))
    throw new AppError('ORG_UNKNOWN', { path: ['completeFor'] });
}

/**
 * When a department declares its list complete for a county or town, every ongoing enrolment of the programme in the
 * registry for a person of that area whom the list does not name at all is a disagreement (MISSING_FROM_LIST).
 */
export async function missingFromList(
  db: Kysely<DB>,
  program: string,
  notInList: EnrolmentPlan['notInList'],
  completeFor: string,
): Promise<Disagreement[]> {
  const candidates = notInList.filter((n) => !n.personListed);
  const persons = await registryPersons(
    db,
    candidates.map((n) => n.personId),
  );
  return candidates
    .filter((n) => {
      const p = persons.get(n.personId);
      return p !== undefined && (p.countyCode === completeFor || p.townCode === completeFor);
    })
    .map((n) => ({
      row: null,
      personId: n.personId,
      idNumber: n.idNumber ? maskIdNumber(n.idNumber) : '',
      code: 'MISSING_FROM_LIST' as const,
      program,
      date: n.startDate,
      reasons: [],
    }));
}
