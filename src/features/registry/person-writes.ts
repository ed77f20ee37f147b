import type { Insertable, Kysely } from 'kysely';
import { AppError } from '../../contracts/app-error.ts';
import type { BulkWriter } from '../../db/bulk.ts';
import type { DB, PersonTable } from '../../db/tables.ts';
import { inTextList } from '../../db/in-list.ts';
import { compareDays, type Day } from '../../domain/time/day.ts';
import type { PersonInput } from './person-input.ts';
import { certificateFields, historyValues, type StoredPerson } from './person-snapshot.ts';

/** Who writes, and when: stamped on every row and history entry of one write. */
export type WriteStamp = { actor: string; now: string; today: Day };

/** Creates households that do not exist yet; returns the id of every household number the inputs use. */
async function ensureHouseholds(trx: Kysely<DB>, bulk: BulkWriter, inputs: readonly PersonInput[], stamp: WriteStamp) {
  const wanted = new Map<string, PersonInput>();
  for (const p of inputs) if (p.householdNo && !wanted.has(p.householdNo)) wanted.set(p.householdNo, p);
  const ids = new Map<string, number>();
  const numbers = [...wanted.keys()];
  const select = async (batch: string[]) => {
    if (batch.length === 0) return;
    const rows = await trx
      .selectFrom('household')
      .select(['id', 'household_no'])
      .where((eb) => inTextList(trx, eb.ref('household_no'), batch))
      .execute();
    for (const r of rows) ids.set(r.household_no, r.id);
  };
  for (let i = 0; i < numbers.length; i += 10_000) await select(numbers.slice(i, i + 10_000));
  const missing = numbers.filter((n) => !ids.has(n));
  await bulk.insert(
    'household',
    missing.map((n) => {
      const p = wanted.get(n) as PersonInput;
      return { household_no: n, town_code: p.townCode, village_code: p.villageCode, created_at: stamp.now };
    }),
  );
  for (let i = 0; i < missing.length; i += 10_000) await select(missing.slice(i, i + 10_000));
  return ids;
}

function personColumns(p: PersonInput, householdId: number | null, status: PersonTable['status']) {
  return {
    id_number: p.idNumber,
    name: p.name,
    gender: p.gender,
    birth_date: p.birthDate,
    residence_permit: p.residencePermit,
    hukou: p.hukou,
    county_code: p.countyCode,
    town_code: p.townCode,
    village_code: p.villageCode,
    household_id: householdId,
    phone: p.phone,
    guardian_name: p.guardianName,
    guardian_phone: p.guardianPhone,
    status,
    deceased_on: p.deceasedOn,
    certificate_number: p.certificateNumber,
    category: p.category,
    level: p.level,
    certificate_valid_until: p.certificateValidUntil,
  };
}

function certificateRow(p: PersonInput, personId: number, effectiveFrom: Day, now: string) {
  return {
    person_id: personId,
    certificate_number: p.certificateNumber,
    category: p.category,
    level: p.level,
    issued_on: p.certificateIssuedOn,
    valid_until: p.certificateValidUntil,
    effective_from: effectiveFrom,
    ended_on: null,
    end_reason: null,
    created_at: now,
  };
}

/** Inserts new persons with their first certificate and a history entry; returns their ids by ID number. */
export async function insertPersons(
  trx: Kysely<DB>,
  bulk: BulkWriter,
  inputs: readonly PersonInput[],
  stamp: WriteStamp,
  action = 'create',
) {
  const households = await ensureHouseholds(trx, bulk, inputs, stamp);
  const ids = new Map<string, number>();
  // In chunks, so that the row objects built for the database never exist for a whole large file at once.
  for (let i = 0; i < inputs.length; i += 5_000) {
    await insertChunk(trx, bulk, inputs.slice(i, i + 5_000), households, ids, stamp, action);
  }
  return ids;
}

async function insertChunk(
  trx: Kysely<DB>,
  bulk: BulkWriter,
  inputs: readonly PersonInput[],
  households: ReadonlyMap<string, number>,
  ids: Map<string, number>,
  stamp: WriteStamp,
  action: string,
) {
  const rows: Insertable<PersonTable>[] = inputs.map((p) => ({
    ...personColumns(p, p.householdNo ? (households.get(p.householdNo) ?? null) : null, p.deceasedOn ? 'deceased' : 'active'),
    created_at: stamp.now,
    updated_at: stamp.now,
    version: 1,
  }));
  await bulk.insert('person', rows);
  const numbers = inputs.map((p) => p.idNumber);
  const found = await trx
    .selectFrom('person')
    .select(['id', 'id_number'])
    .where((eb) => inTextList(trx, eb.ref('id_number'), numbers))
    .execute();
  for (const r of found) ids.set(r.id_number as string, r.id);
  const idOf = (p: PersonInput) => ids.get(p.idNumber) as number;
  await bulk.insert(
    'certificate',
    inputs.map((p) => certificateRow(p, idOf(p), p.certificateIssuedOn ?? stamp.today, stamp.now)),
  );
  await bulk.insert(
    'person_history',
    inputs.map((p) => ({
      person_id: idOf(p),
      version: 1,
      action,
      changed_at: stamp.now,
      changed_by: stamp.actor,
      before_json: null,
      after_json: JSON.stringify(historyValues(p)),
    })),
  );
}

/** A change to one stored person: the values read (with their version) and the values to store. */
export type PersonChange = { stored: StoredPerson; next: PersonInput; status?: PersonTable['status']; movedOutOn?: Day | null };

/**
 * Writes one change, checked against the version that was read: 0 rows updated means someone else changed the
 * record first, and the whole transaction fails with VERSION_CONFLICT. Returns the new version.
 */
export async function updatePerson(trx: Kysely<DB>, bulk: BulkWriter, change: PersonChange, stamp: WriteStamp, action = 'update') {
  const { stored, next } = change;
  const households = await ensureHouseholds(trx, bulk, [next], stamp);
  const status = change.status ?? (next.deceasedOn ? 'deceased' : stored.status === 'deceased' ? 'active' : stored.status);
  const version = stored.version + 1;
  const result = await trx
    .updateTable('person')
    .set({
      ...personColumns(next, next.householdNo ? (households.get(next.householdNo) ?? null) : null, status),
      ...(change.movedOutOn !== undefined ? { moved_out_on: change.movedOutOn } : {}),
      updated_at: stamp.now,
      version,
    })
    .where('id', '=', stored.id)
    .where('version', '=', stored.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  if (certificateFields.some((f) => (stored[f] ?? null) !== (next[f] ?? null))) await replaceCertificate(trx, stored, next, stamp);
  await trx
    .insertInto('person_history')
    .values({
      person_id: stored.id,
      version,
      action,
      changed_at: stamp.now,
      changed_by: stamp.actor,
      before_json: JSON.stringify({ ...historyValues(stored), status: stored.status }),
      after_json: JSON.stringify({ ...historyValues(next), status }),
    })
    .execute();
  return version;
}

/** Ends the current certificate and starts the new one: a level or category change is history, not an overwrite. */
async function replaceCertificate(trx: Kysely<DB>, stored: StoredPerson, next: PersonInput, stamp: WriteStamp) {
  const reason = stored.category !== next.category ? 'categoryChange' : stored.level !== next.level ? 'levelChange' : 'reissue';
  // A newer issue date is when the new certificate took effect; otherwise it takes effect the day it is recorded.
  const newer =
    next.certificateIssuedOn && (!stored.certificateIssuedOn || compareDays(next.certificateIssuedOn, stored.certificateIssuedOn) > 0);
  const from = newer && next.certificateIssuedOn ? next.certificateIssuedOn : stamp.today;
  await trx
    .updateTable('certificate')
    .set({ ended_on: from, end_reason: reason })
    .where('person_id', '=', stored.id)
    .where('ended_on', 'is', null)
    .execute();
  await trx
    .insertInto('certificate')
    .values(certificateRow(next, stored.id, from, stamp.now))
    .execute();
}
