import type { Kysely } from 'kysely';
import type { DB } from '../../../db/tables.ts';

/** What the comparison needs of a registered person: where, and whether alive, deceased or moved out (and since when). */
export type RegistryPerson = {
  id: number;
  idNumber: string;
  countyCode: string;
  townCode: string;
  status: 'active' | 'deceased' | 'movedOut';
  deceasedOn: string | null;
  movedOutOn: string | null;
};

/** Loads persons by id, 1,000 at a time (well under SQLite's bound-parameter limit). */
export async function registryPersons(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, RegistryPerson>> {
  const out = new Map<number, RegistryPerson>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 1_000) {
    const rows = await db
      .selectFrom('person')
      .select(['id', 'id_number', 'county_code', 'town_code', 'status', 'deceased_on', 'moved_out_on'])
      .where('id', 'in', unique.slice(i, i + 1_000))
      .execute();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        idNumber: r.id_number ?? '',
        countyCode: r.county_code,
        townCode: r.town_code,
        status: r.status,
        deceasedOn: r.deceased_on,
        movedOutOn: r.moved_out_on,
      });
  }
  return out;
}
