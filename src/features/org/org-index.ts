import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';

/** A town or village as validation needs it. */
export type OrgRef = { code: string; name: string; parentCode: string | null };

/** Town and village look-ups by code and by name, loaded once per import or request. */
export type OrgIndex = {
  countyOf(townCode: string): string | undefined;
  findTown(text: string): OrgRef | undefined;
  findVillage(townCode: string, text: string): OrgRef | undefined;
  byCode(code: string): OrgRef | undefined;
};

/** Loads every town and village into memory (a county has ~100; a province ~30,000: still small). */
export async function loadOrgIndex(db: Kysely<DB>): Promise<OrgIndex> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('level', 'in', ['town', 'village'])
    .execute();
  const byCode = new Map<string, OrgRef>();
  const townsByName = new Map<string, OrgRef[]>();
  const villagesByTownAndName = new Map<string, OrgRef>();
  for (const r of rows) {
    const ref = { code: r.code, name: r.name, parentCode: r.parent_code };
    byCode.set(r.code, ref);
    if (r.level === 'town') townsByName.set(r.name, [...(townsByName.get(r.name) ?? []), ref]);
    else villagesByTownAndName.set(`${r.parent_code}|${r.name}`, ref);
  }
  return {
    countyOf: (townCode) => byCode.get(townCode)?.parentCode ?? undefined,
    // A town name is unique within a county; across a province the code must be used when names repeat.
    findTown: (text) => {
      const t = text.trim();
      const exact = byCode.get(t);
      if (exact) return exact.code.length === 9 ? exact : undefined;
      const named = townsByName.get(t) ?? townsByName.get(`${t}镇`);
      return named?.length === 1 ? named[0] : undefined;
    },
    findVillage: (townCode, text) => {
      const t = text.trim();
      const exact = byCode.get(t);
      if (exact) return exact.parentCode === townCode && exact.code.length === 12 ? exact : undefined;
      return villagesByTownAndName.get(`${townCode}|${t}`);
    },
    byCode: (code) => byCode.get(code),
  };
}
