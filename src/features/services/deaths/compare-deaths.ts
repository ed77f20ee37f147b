import type { Kysely } from 'kysely';
import type { DeathCompareRow, DeathComparison, Disagreement } from '../../../contracts/department-lists.ts';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/tables.ts';
import { maskIdNumber } from '../../../domain/identity/id-number.ts';
import type { Day } from '../../../domain/time/day.ts';
import type { Scope } from '../../access/scope.ts';
import { registryPersons } from '../compare/registry-persons.ts';
import { baseReport } from '../import-common.ts';
import { type ReadDeathList, readDeathList } from './read-deaths.ts';

/** A comparison before it is given its download handle. */
export type DeathComparisonBody = Omit<DeathComparison, 'comparisonId'>;

/** A comparison with the persons a commit would mark deceased. */
export type DeathCompared = { comparison: DeathComparisonBody; toMark: { personId: number; date: Day }[] };

type Receiving = DeathCompareRow['receiving'][number];

/** Each person's enrolments that run after a day (null end = ongoing), 1,000 persons a query. */
async function enrolmentsOf(db: Kysely<DB>, personIds: readonly number[]) {
  const out = new Map<number, { program: string; start_date: string; end_date: string | null; monthly_amount_fen: number | null }[]>();
  for (let i = 0; i < personIds.length; i += 1_000) {
    const rows = await db
      .selectFrom('enrolment')
      .select(['person_id', 'program', 'start_date', 'end_date', 'monthly_amount_fen'])
      .where('person_id', 'in', personIds.slice(i, i + 1_000))
      .orderBy('start_date')
      .execute();
    for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r]);
  }
  return out;
}

/**
 * Compares a public-security deaths list with the registry without writing: persons alive in the registry (to be
 * marked deceased) with the benefits they are receiving after the death date; persons already deceased (a different
 * date is a disagreement); persons moved out (cannot be marked; a disagreement); rows naming nobody in scope.
 */
export async function compareDeathList(database: Database, scope: Scope, path: string, asOf: Day): Promise<DeathCompared> {
  const list = await readDeathList(database, scope, path, asOf);
  const ids = list.matched.map((r) => r.personId);
  const persons = await registryPersons(database.db, ids);
  const enrolments = await enrolmentsOf(database.db, ids);
  const items: DeathCompareRow[] = [];
  const disagreements: Disagreement[] = [];
  const toMark: DeathCompared['toMark'] = [];
  for (const r of list.matched) {
    const p = persons.get(r.personId);
    if (!p) continue;
    const receiving: Receiving[] = (enrolments.get(p.id) ?? [])
      .filter((e) => e.end_date === null || e.end_date > r.deathDate)
      .map((e) => ({
        program: e.program,
        startDate: e.start_date,
        endDate: e.end_date,
        monthlyAmountFen: numberOrNull(e.monthly_amount_fen),
      }));
    const base = { row: r.row, personId: p.id, idNumber: maskIdNumber(p.idNumber) };
    const finding = (code: Disagreement['code'], date: string | null, reasons: Disagreement['reasons'] = []) =>
      disagreements.push({ ...base, code, program: null, date, reasons });
    if (p.status === 'movedOut') finding('MOVED_OUT_IN_REGISTRY', p.movedOutOn);
    else if (p.status === 'deceased' && p.deceasedOn !== r.deathDate) finding('DEATH_DATE_DIFFERS', p.deceasedOn);
    if (receiving.length > 0)
      finding(
        'PAID_AFTER_DEATH',
        r.deathDate,
        receiving.map((e) => ({ code: e.program, message: `${e.startDate}–${e.endDate ?? ''}` })),
      );
    if (p.status === 'movedOut') continue;
    const kind = p.status === 'active' ? 'toMark' : 'alreadyDeceased';
    if (kind === 'toMark') toMark.push({ personId: p.id, date: r.deathDate });
    items.push({ ...base, kind, deathDate: r.deathDate, registryDeathDate: p.deceasedOn, code: null, receiving });
  }
  items.push(...unmatchedItems(list));
  items.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { comparison: summary(list, asOf, items, disagreements), toMark };
}

function numberOrNull(v: number | string | bigint | null): number | null {
  return v === null ? null : Number(v);
}

function unmatchedItems(list: ReadDeathList): DeathCompareRow[] {
  return list.unmatched.map((u) => ({
    row: u.row,
    personId: null,
    idNumber: maskIdNumber(u.idNumber),
    kind: 'unknown' as const,
    deathDate: u.deathDate,
    registryDeathDate: null,
    code: u.code,
    receiving: [],
  }));
}

function summary(list: ReadDeathList, asOf: Day, items: DeathCompareRow[], disagreements: Disagreement[]): DeathComparisonBody {
  const { created: _c, updated: _u, unchanged: _n, ...report } = baseReport(list.read, true);
  const counts: Record<string, number> = { toMark: 0, alreadyDeceased: 0, unknown: 0 };
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  counts.disagreements = disagreements.length;
  counts.receivingAfterDeath = items.filter((i) => i.receiving.length > 0).length;
  return { kind: 'deaths', asOf, ...report, items, disagreements, counts };
}
