import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBulkTransaction } from '../../../db/bulk.ts';
import type { Database } from '../../../db/connect.ts';
import { availableEngines, createTestDatabase } from '../../../db/test-db.ts';
import { loadOrgIndex } from '../../org/org-index.ts';
import type { PersonInput } from '../person-input.ts';
import { historyValues } from '../person-snapshot.ts';
import { insertPersons } from '../person-writes.ts';
import { addTestVillage, buildPersonRow } from '../test-factory.ts';
import { validatePersonRow } from '../validate-person.ts';
import { createImportedPersons } from './create-persons.ts';
import { historyJson } from './history-json.ts';

const asOf = '2026-11-29';
const stamp = { actor: 'test', now: '2026-11-29T08:00:00.000Z', today: asOf };

async function inputsOf(database: Database, indexes: number[]): Promise<PersonInput[]> {
  const orgs = await loadOrgIndex(database.db);
  return indexes.map((i) => {
    const result = validatePersonRow(buildPersonRow(i, i === 3 ? { deceasedOn: '2026-01-02' } : {}), { orgs, asOf });
    if (!result.ok) throw new Error(`test row ${i} is invalid`);
    return result.value;
  });
}

/** What a person's rows hold, without ids: compared between the import path and the one-person path. */
async function storedRows(database: Database) {
  const persons = await database.db
    .selectFrom('person')
    .leftJoin('household', 'household.id', 'person.household_id')
    .selectAll('person')
    .select('household.household_no')
    .orderBy('person.id_number')
    .execute();
  const certificates = await database.db
    .selectFrom('certificate')
    .innerJoin('person', 'person.id', 'certificate.person_id')
    .selectAll('certificate')
    .select('person.id_number')
    .orderBy('person.id_number')
    .execute();
  const history = await database.db
    .selectFrom('person_history')
    .innerJoin('person', 'person.id', 'person_history.person_id')
    .select(['person.id_number', 'person_history.version', 'action', 'changed_at', 'changed_by', 'before_json', 'after_json'])
    .orderBy('person.id_number')
    .execute();
  const withoutIds = <T extends object>(rows: T[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !['id', 'person_id', 'household_id'].includes(k))));
  return { persons: withoutIds(persons), certificates: withoutIds(certificates), history };
}

async function schemaObjects(database: Database): Promise<string[]> {
  if (database.engine === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'index' order by name`.execute(database.db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string }>`
    select indexname as name from pg_indexes where schemaname = current_schema()
    union all select conname from pg_constraint where connamespace = current_schema()::regnamespace
    order by 1`.execute(database.db);
  return rows.rows.map((r) => r.name);
}

describe('historyJson', () => {
  it('writes the same text as the history of a one-person write', async () => {
    const database = await createTestDatabase('sqlite');
    await addTestVillage(database);
    for (const p of await inputsOf(database, [0, 1, 3, 10])) expect(historyJson(p)).toBe(JSON.stringify(historyValues(p)));
    await database.close();
  });

  it('escapes quotes, backslashes, control characters and lone surrogates as JSON.stringify does', async () => {
    const database = await createTestDatabase('sqlite');
    await addTestVillage(database);
    const [p] = await inputsOf(database, [0]);
    await database.close();
    const awkward = ['"引号"', 'a\\b', '换\n行\t制表\u0001', '\ud800孤', '尾\udfff', '𠀀字', '\u2028分隔'];
    for (const text of awkward) {
      const q = { ...(p as PersonInput), name: text, guardianName: text, householdNo: text, deceasedOn: null };
      expect(historyJson(q)).toBe(JSON.stringify(historyValues(q)));
    }
  });
});

describe.each(await availableEngines())('creating imported persons on %s', (engine) => {
  let viaImport: Database;
  let viaCreate: Database;
  const people = [0, 1, 2, 3, 10, 20, 21];

  beforeAll(async () => {
    viaImport = await createTestDatabase(engine);
    viaCreate = await createTestDatabase(engine);
    await addTestVillage(viaImport);
    await addTestVillage(viaCreate);
  });
  afterAll(async () => {
    await viaImport.close();
    await viaCreate.close();
  });

  it('writes the same rows as creating the persons one by one, and puts indexes and keys back', async () => {
    const before = await schemaObjects(viaImport);
    const inputs = await inputsOf(viaImport, people);
    await withBulkTransaction(viaImport, (trx, bulk) => createImportedPersons(trx, bulk, inputs, stamp));
    for (const p of inputs) await withBulkTransaction(viaCreate, (trx, bulk) => insertPersons(trx, bulk, [p], stamp, 'import'));
    expect(await storedRows(viaImport)).toEqual(await storedRows(viaCreate));
    expect(await schemaObjects(viaImport)).toEqual(before);
  });

  it('leaves the id sequences ahead of the reserved ids, so later inserts get new ids', async () => {
    const [next] = await inputsOf(viaImport, [30]);
    const ids = await withBulkTransaction(viaImport, (trx, bulk) => insertPersons(trx, bulk, [next as PersonInput], stamp));
    const max = await viaImport.db
      .selectFrom('person')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    expect(ids.get(next?.idNumber ?? '')).toBe(max.id);
    expect(Number(max.id)).toBeGreaterThan(people.length);
  });

  it('imports into a table with rows without touching its indexes, and rolls back as a whole', async () => {
    const before = await schemaObjects(viaImport);
    const inputs = await inputsOf(viaImport, [40, 41]);
    await expect(
      withBulkTransaction(viaImport, async (trx, bulk) => {
        await createImportedPersons(trx, bulk, inputs, stamp);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const count = await viaImport.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(people.length + 1);
    expect(await schemaObjects(viaImport)).toEqual(before);
  });
});
