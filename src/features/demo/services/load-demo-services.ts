import { sql } from 'kysely';
import { withBulkTransaction } from '../../../db/bulk.ts';
import type { Database } from '../../../db/connect.ts';
import { type DemoPersonSnapshot, demoPersonFacts } from './person-facts.ts';

/** Persons per transaction. */
const chunkSize = 20_000;

type SnapshotRow = {
  id: number;
  birth_date: string | null;
  category: string;
  level: number;
  town_code: string;
  household_id: number | null;
  hukou: 'urban' | 'rural' | null;
  deceased_on: string | null;
  effective_from: string;
  valid_until: string | null;
};

function snapshot(r: SnapshotRow): DemoPersonSnapshot {
  return {
    id: Number(r.id),
    birthDate: r.birth_date,
    category: r.category,
    level: Number(r.level),
    town: r.town_code,
    householdId: r.household_id === null ? null : Number(r.household_id),
    hukou: r.hukou,
    deceasedOn: r.deceased_on,
    issuedOn: r.effective_from,
    validUntil: r.valid_until,
  };
}

/**
 * Adds the demo county's 2021–2025 survey answers, enrolments and services (story.ts) for every person of the demo
 * that has none yet, deterministically from the seed; running it again changes nothing. Returns the rows added.
 */
export async function loadDemoServices(database: Database, options: { seed: number; onProgress?: (persons: number) => void }) {
  const added = { persons: 0, surveys: 0, enrolments: 0, services: 0 };
  let after = 0;
  for (;;) {
    const { rows } =
      await sql<SnapshotRow>`select p.id, p.birth_date, c.category, c.level, p.town_code, p.household_id, p.hukou, p.deceased_on, c.effective_from, c.valid_until
      from person p join certificate c on c.person_id = p.id and c.ended_on is null
      where p.id > ${after} and not exists (select 1 from needs_survey n where n.person_id = p.id and n.source = 'demo')
        and not exists (select 1 from enrolment e where e.person_id = p.id and e.source = 'demo')
      order by p.id limit ${chunkSize}`.execute(database.db);
    if (rows.length === 0) return added;
    after = Number(rows.at(-1)?.id ?? after);
    const facts = rows.map((r) => demoPersonFacts(snapshot(r), options.seed));
    await withBulkTransaction(database, async (_trx, bulk) => {
      await bulk.insert(
        'needs_survey',
        facts.flatMap((f) => f.surveys),
      );
      await bulk.insert(
        'enrolment',
        facts.flatMap((f) => f.enrolments),
      );
      await bulk.insert(
        'service_record',
        facts.flatMap((f) => f.services),
      );
    });
    added.persons += rows.length;
    for (const f of facts) {
      added.surveys += f.surveys.length;
      added.enrolments += f.enrolments.length;
      added.services += f.services.length;
    }
    options.onProgress?.(added.persons);
  }
}
