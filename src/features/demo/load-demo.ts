import { type PersonFileKey, type PersonFileRow, personFileColumns } from '../../contracts/person-file.ts';
import type { Database } from '../../db/connect.ts';
import type { Day } from '../../domain/time/day.ts';
import { systemScope } from '../access/scope.ts';
import { importRecords } from '../registry/import/import-persons.ts';
import { generateDemoPersons } from './persons.ts';
import { demoVillages } from './villages.ts';
import { loadDemoServices } from './services/load-demo-services.ts';

/** Options for loading the demo county. */
export type LoadDemoOptions = { persons: number; seed: number; asOf: Day; onProgress?: (persons: number) => void };

/** Persons per transaction: keeps memory flat when a benchmark loads a million. */
const chunkSize = 50_000;

/**
 * Loads the synthetic demo county (演示县): the fictional villages, then the generated persons through the same
 * validation and write path as a persons file, so the demo never holds a record an import would refuse.
 * Loading it again with the same seed changes nothing.
 */
export async function loadDemo(database: Database, options: LoadDemoOptions) {
  const villages = await loadDemoVillages(database);
  const scope = systemScope('demo');
  const present = new Set<PersonFileKey>(personFileColumns.map((c) => c.key));
  let chunk: { rowNumber: number; record: PersonFileRow }[] = [];
  let created = 0;
  let rows = 0;
  const flush = async () => {
    const report = await importRecords(
      database,
      scope,
      { headerProblems: [], present, records: chunk },
      { asOf: options.asOf, fileName: 'demo' },
    );
    if (report.invalid > 0) throw new Error(`demo generator produced invalid rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
    created += report.created;
    chunk = [];
    options.onProgress?.(rows);
  };
  for (const person of generateDemoPersons({ persons: options.persons, seed: options.seed, asOf: options.asOf })) {
    rows += 1;
    chunk.push({ rowNumber: rows + 1, record: person });
    if (chunk.length >= chunkSize) await flush();
  }
  if (chunk.length > 0) await flush();
  const services = await loadDemoServices(database, { seed: options.seed });
  return { persons: rows, created, villages, services };
}

/** Adds the demo villages that are missing (flagged demo = 1: they are fictional). */
export async function loadDemoVillages(database: Database): Promise<number> {
  const existing = new Set(
    (await database.db.selectFrom('org_unit').select('code').where('level', '=', 'village').execute()).map((r) => r.code),
  );
  const missing = demoVillages().filter((v) => !existing.has(v.code));
  if (missing.length > 0) {
    await database.db
      .insertInto('org_unit')
      .values(
        missing.map((v) => ({ code: v.code, name: v.name, level: 'village' as const, parent_code: v.townCode, kind: v.kind, demo: 1 })),
      )
      .execute();
  }
  return demoVillages().length;
}
