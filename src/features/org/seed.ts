import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../db/connect.ts';
import type { OrgUnitTable } from '../../db/tables.ts';

/** The county's real region codes (a copy of shared/data/regions-fogang.csv: users' machines have no shared/). */
const regionsFile = fileURLToPath(new URL('../../db/seed/regions-fogang.csv', import.meta.url));

type Region = Pick<OrgUnitTable, 'code' | 'name' | 'level' | 'parent_code'>;

/** Reads the bundled region list. */
export function readRegions(): Region[] {
  const [, ...lines] = fs.readFileSync(regionsFile, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [code = '', name = '', level = '', parent = ''] = line.split(',');
    return { code, name, level: level as Region['level'], parent_code: parent || null };
  });
}

/**
 * Inserts the province placeholder and the bundled regions that are missing; existing rows are left alone,
 * so running it again changes nothing.
 */
export async function loadRegions(database: Database): Promise<number> {
  const regions: Region[] = [{ code: '440000', name: '广东省', level: 'province', parent_code: null }, ...readRegions()];
  const existing = new Set((await database.db.selectFrom('org_unit').select('code').execute()).map((r) => r.code));
  const missing = regions.filter((r) => !existing.has(r.code));
  for (const r of missing) {
    await database.db
      .insertInto('org_unit')
      .values({ ...r, kind: null, demo: 0 })
      .execute();
  }
  return missing.length;
}
