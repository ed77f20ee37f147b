import type { Database } from '../../db/connect.ts';

/** What splitHouseholdAcrossTowns changed: the member moved (from `town` to `other`) and the one left behind. */
export type SplitHousehold = { member: { id: number; town: string }; other: string; left: number; household: number };

/**
 * Test support over a loaded demo county: a household across towns. Its first member with dibao on 31 December 2025
 * moves to another town of the county, and a person of the first town joins the household, so that the household's
 * flag reaches the member left behind only through a member outside the town: what a run narrowed to the town must
 * still read (db/person-share.ts).
 */
export async function splitHouseholdAcrossTowns(database: Database): Promise<SplitHousehold> {
  const db = database.db;
  const member = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select(['p.id', 'p.household_id', 'p.town_code', 'p.county_code'])
    .where('e.program', '=', 'dibao')
    .where('e.start_date', '<=', '2025-12-31')
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', '2025-12-31')]))
    .where('p.household_id', 'is not', null)
    .orderBy('p.id')
    .executeTakeFirstOrThrow();
  const household = member.household_id as number;
  const other = await db
    .selectFrom('org_unit')
    .select('code')
    .where('level', '=', 'town')
    .where('parent_code', '=', member.county_code)
    .where('code', '!=', member.town_code)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  await db.updateTable('person').set({ town_code: other.code, village_code: null }).where('id', '=', member.id).execute();
  const left = await db
    .selectFrom('person')
    .select('id')
    .where('town_code', '=', member.town_code)
    .where('id', '!=', member.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('person').set({ household_id: household }).where('id', '=', left.id).execute();
  return { member: { id: member.id, town: member.town_code }, other: other.code, left: left.id, household };
}
