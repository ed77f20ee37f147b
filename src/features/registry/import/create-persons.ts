import type { Kysely } from 'kysely';
import type { BulkWriter, IdTable } from '../../../db/bulk.ts';
import { inTextList } from '../../../db/in-list.ts';
import type { DB } from '../../../db/tables.ts';
import type { PersonInput } from '../person-input.ts';
import type { WriteStamp } from '../person-writes.ts';
import { historyJson } from './history-json.ts';

// Rows are built lazily as value arrays in these column orders and written table by table, each as one stream
// (one COPY on PostgreSQL): no object per row, no select-back of ids (they are reserved first), and no table's
// rows held in memory at once.
const personColumns = [
  'id',
  'id_number',
  'name',
  'gender',
  'birth_date',
  'residence_permit',
  'hukou',
  'county_code',
  'town_code',
  'village_code',
  'household_id',
  'phone',
  'guardian_name',
  'guardian_phone',
  'status',
  'deceased_on',
  'certificate_number',
  'category',
  'level',
  'certificate_valid_until',
  'created_at',
  'updated_at',
  'version',
] as const;
const certificateColumns = [
  'person_id',
  'certificate_number',
  'category',
  'level',
  'issued_on',
  'valid_until',
  'effective_from',
  'created_at',
] as const;
const historyColumns = ['person_id', 'version', 'action', 'changed_at', 'changed_by', 'after_json'] as const;
const householdColumns = ['id', 'household_no', 'town_code', 'village_code', 'created_at'] as const;

const tables: readonly IdTable[] = ['household', 'person', 'certificate', 'person_history'];
// How often the person pass reports progress.
const progressRows = 10_000;

/**
 * Inserts new persons (none of them stored yet) with their households, first certificate and a history entry, as
 * `insertPersons` does for one person, but for a whole import: ids are reserved instead of selected back, and the
 * secondary indexes of a table that was empty are built once at the end.
 */
export async function createImportedPersons(
  trx: Kysely<DB>,
  bulk: BulkWriter,
  inputs: readonly PersonInput[],
  stamp: WriteStamp,
  onProgress?: (written: number) => void,
): Promise<void> {
  if (inputs.length === 0) return;
  const rebuilds = [];
  for (const table of tables) rebuilds.push(await bulk.deferIndexes(table));
  const households = await ensureHouseholds(trx, bulk, inputs, stamp);
  const ids = await bulk.reserveIds('person', inputs.length);
  await bulk.insertRows('person', personColumns, personRows(inputs, ids, households, stamp, onProgress));
  await bulk.insertRows('certificate', certificateColumns, certificateRows(inputs, ids, stamp));
  await bulk.insertRows('person_history', historyColumns, historyRows(inputs, ids, stamp));
  onProgress?.(inputs.length);
  for (const rebuild of rebuilds) await rebuild();
}

function* personRows(
  inputs: readonly PersonInput[],
  ids: readonly number[],
  households: ReadonlyMap<string, number>,
  stamp: WriteStamp,
  onProgress?: (written: number) => void,
): Generator<unknown[]> {
  for (let i = 0; i < inputs.length; i += 1) {
    if (i > 0 && i % progressRows === 0) onProgress?.(i);
    yield personRow(inputs[i] as PersonInput, ids[i] as number, households, stamp);
  }
}

function* certificateRows(inputs: readonly PersonInput[], ids: readonly number[], stamp: WriteStamp): Generator<unknown[]> {
  for (let i = 0; i < inputs.length; i += 1) yield certificateRow(inputs[i] as PersonInput, ids[i] as number, stamp);
}

function* historyRows(inputs: readonly PersonInput[], ids: readonly number[], stamp: WriteStamp): Generator<unknown[]> {
  for (let i = 0; i < inputs.length; i += 1) {
    yield [ids[i], 1, 'import', stamp.now, stamp.actor, historyJson(inputs[i] as PersonInput)];
  }
}

function personRow(p: PersonInput, id: number, households: ReadonlyMap<string, number>, stamp: WriteStamp): unknown[] {
  return [
    id,
    p.idNumber,
    p.name,
    p.gender,
    p.birthDate,
    p.residencePermit,
    p.hukou,
    p.countyCode,
    p.townCode,
    p.villageCode,
    p.householdNo ? (households.get(p.householdNo) ?? null) : null,
    p.phone,
    p.guardianName,
    p.guardianPhone,
    p.deceasedOn ? 'deceased' : 'active',
    p.deceasedOn,
    p.certificateNumber,
    p.category,
    p.level,
    p.certificateValidUntil,
    stamp.now,
    stamp.now,
    1,
  ];
}

function certificateRow(p: PersonInput, personId: number, stamp: WriteStamp): unknown[] {
  const from = p.certificateIssuedOn ?? stamp.today;
  return [personId, p.certificateNumber, p.category, p.level, p.certificateIssuedOn, p.certificateValidUntil, from, stamp.now];
}

/** The id of every household number the inputs use, creating (with reserved ids) those not stored yet. */
async function ensureHouseholds(trx: Kysely<DB>, bulk: BulkWriter, inputs: readonly PersonInput[], stamp: WriteStamp) {
  const firstOf = new Map<string, PersonInput>();
  for (const p of inputs) if (p.householdNo && !firstOf.has(p.householdNo)) firstOf.set(p.householdNo, p);
  const ids = new Map<string, number>();
  const numbers = [...firstOf.keys()];
  const stored = await trx.selectFrom('household').select('id').limit(1).execute();
  for (let i = 0; stored.length > 0 && i < numbers.length; i += 10_000) {
    const rows = await trx
      .selectFrom('household')
      .select(['id', 'household_no'])
      .where((eb) => inTextList(trx, eb.ref('household_no'), numbers.slice(i, i + 10_000)))
      .execute();
    for (const r of rows) ids.set(r.household_no, r.id);
  }
  const missing = numbers.filter((n) => !ids.has(n));
  const reserved = await bulk.reserveIds('household', missing.length);
  for (let j = 0; j < missing.length; j += 1) ids.set(missing[j] as string, reserved[j] as number);
  const rows = function* () {
    for (let j = 0; j < missing.length; j += 1) {
      const p = firstOf.get(missing[j] as string) as PersonInput;
      yield [reserved[j], missing[j], p.townCode, p.villageCode, stamp.now];
    }
  };
  await bulk.insertRows('household', householdColumns, rows());
  return ids;
}
