import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Database, Engine } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/test-db.ts';
import { buildIndicatorFixture } from '../indicators/test-fixture.ts';

/** The indicator fixture in a fresh database, with its persons' ids and ID numbers by fixture key (P0, P1 …). */
export type FixtureDatabase = { database: Database; ids: Record<string, number>; idNumbers: Record<string, string> };

/** A fresh database of the engine holding the indicator fixture; the caller closes it. */
export async function openFixtureDatabase(engine: Engine): Promise<FixtureDatabase> {
  const database = await createTestDatabase(engine);
  const ids = await buildIndicatorFixture(database);
  const rows = await database.db.selectFrom('person').select(['id', 'id_number']).execute();
  const idNumbers = Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, rows.find((r) => r.id === id)?.id_number as string]));
  return { database, ids, idNumbers };
}

/**
 * A writer of CSV files into a temporary folder of the test file (named after `prefix`), removed after its tests.
 * Call it at the top of the file: it registers the clean-up.
 */
export function csvWriter(prefix: string): (name: string, lines: string[]) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, lines) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
}
