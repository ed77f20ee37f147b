import type { Disagreement } from '../../../contracts/department-lists.ts';
import { maskIdNumber } from '../../../domain/identity/id-number.ts';
import type { RegistryPerson } from './registry-persons.ts';

/** A list row that says the person receives from startDate until endDate (null = ongoing). */
export type ListedPeriod = { row: number; personId: number; startDate: string; endDate: string | null };

/** True when the listed period still runs after the day (the day itself is the last one that may be paid). */
function runsAfter(p: ListedPeriod, day: string | null): boolean {
  return day === null || p.endDate === null || p.endDate > day;
}

/**
 * A person deceased or moved out in the registry whom the list still has receiving after that day: payment after
 * death (PAID_AFTER_DEATH) or after leaving the county (ACTIVE_AFTER_MOVE_OUT).
 */
export function statusDisagreements(
  program: string,
  rows: readonly ListedPeriod[],
  persons: ReadonlyMap<number, RegistryPerson>,
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const r of rows) {
    const p = persons.get(r.personId);
    if (!p || p.status === 'active') continue;
    const date = p.status === 'deceased' ? p.deceasedOn : p.movedOutOn;
    if (!runsAfter(r, date)) continue;
    out.push({
      row: r.row,
      personId: p.id,
      idNumber: maskIdNumber(p.idNumber),
      code: p.status === 'deceased' ? 'PAID_AFTER_DEATH' : 'ACTIVE_AFTER_MOVE_OUT',
      program,
      date,
      reasons: [],
    });
  }
  return out;
}
