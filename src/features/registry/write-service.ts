import { AppError } from '../../contracts/app-error.ts';
import type { PersonFields, PersonPatch } from '../../contracts/persons.ts';
import type { Kysely } from 'kysely';
import { type BulkWriter, withBulkTransaction } from '../../db/bulk.ts';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import type { Day } from '../../domain/time/day.ts';
import { recordAudit } from '../access/audit.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import { loadOrgIndex } from '../org/org-index.ts';
import { auditChanges } from './audit-values.ts';
import { fieldsOf, validateFields } from './person-fields.ts';
import type { PersonInput } from './person-input.ts';
import { type StoredPerson, changedFields, loadById, loadByIdNumbers } from './person-snapshot.ts';
import { type PersonChange, insertPersons, updatePerson } from './person-writes.ts';
import { requirePersonInScope } from './read-service.ts';
import { inScope } from './scope-check.ts';

/** Creates a person from form fields (validated like an import row) inside the scope; returns the new id. */
export async function createPerson(database: Database, scope: Scope, fields: PersonFields, today: Day): Promise<number> {
  assertCan(scope, 'person.write');
  const input = validateFields(fields, await loadOrgIndex(database.db), today);
  if (!inScope(scope, input)) throw new AppError('OUT_OF_SCOPE', { path: ['body', 'town'] });
  return withBulkTransaction(database, async (trx, bulk) => {
    if ((await loadByIdNumbers(trx, [input.idNumber])).size > 0) throw new AppError('DUPLICATE', { path: ['body', 'idNumber'] });
    const ids = await insertPersons(trx, bulk, [input], stamp(scope, today));
    const id = ids.get(input.idNumber) as number;
    await recordAudit(trx, scope, {
      action: 'person.create',
      targetType: 'person',
      targetId: id,
      outcome: 'success',
      details: { changes: auditChanges(null, input, Object.keys(input) as (keyof PersonInput)[]) },
    });
    return id;
  });
}

/**
 * Applies a patch checked against the version the user read: a stale version answers 409 VERSION_CONFLICT with the
 * current record's version in details, so the UI can show both and let the user choose.
 */
export async function patchPerson(database: Database, scope: Scope, id: number, patch: PersonPatch, today: Day) {
  assertCan(scope, 'person.write');
  await requirePersonInScope(database, scope, id, 'person.update');
  const orgs = await loadOrgIndex(database.db);
  return withBulkTransaction(database, async (trx, bulk) => {
    const stored = await loadById(trx, id);
    if (!stored) throw new AppError('NOT_FOUND');
    if (stored.version !== patch.version) throw new AppError('VERSION_CONFLICT', { details: { currentVersion: stored.version } });
    const { version: _v, ...changes } = patch;
    const next = validateFields({ ...fieldsOf(stored), ...changes }, orgs, today, stored.deceasedOn);
    if (!inScope(scope, next)) throw new AppError('OUT_OF_SCOPE', { path: ['body', 'town'] });
    if (next.idNumber !== stored.idNumber && (await loadByIdNumbers(trx, [next.idNumber])).size > 0) {
      throw new AppError('DUPLICATE', { path: ['body', 'idNumber'] });
    }
    const fields = changedFields(stored, next);
    if (fields.length === 0) return stored.version;
    const version = await updatePerson(trx, bulk, { stored, next }, stamp(scope, today));
    await recordAudit(trx, scope, {
      action: 'person.update',
      targetType: 'person',
      targetId: id,
      outcome: 'success',
      details: { changes: auditChanges(stored, next, fields) },
    });
    return version;
  });
}

/** Marks a person deceased (from a date) or moved out of the county: the record stays, its status changes. */
export async function changePersonStatus(
  database: Database,
  scope: Scope,
  id: number,
  change: { to: 'deceased' | 'movedOut'; version: number; date: Day; note?: string },
  today: Day,
) {
  assertCan(scope, 'person.write');
  await requirePersonInScope(database, scope, id, `person.${change.to}`);
  if (change.date > today) throw new AppError('DATE_ORDER', { path: ['body', 'date'] });
  return withBulkTransaction(database, async (trx, bulk) => {
    const stored = await loadById(trx, id);
    if (!stored) throw new AppError('NOT_FOUND');
    if (stored.version !== change.version) throw new AppError('VERSION_CONFLICT', { details: { currentVersion: stored.version } });
    return applyStatusChange(trx, bulk, scope, stored, change, today);
  });
}

/**
 * Marks several persons deceased in one transaction (a public-security deaths list): all or nothing, each through the
 * same write as the single mark (version + 1, history, `person.deceased` audit). Returns how many were marked.
 */
export async function markPersonsDeceased(
  database: Database,
  scope: Scope,
  deaths: readonly { personId: number; date: Day }[],
  today: Day,
  note: string,
): Promise<number> {
  assertCan(scope, 'person.write');
  if (deaths.some((d) => d.date > today)) throw new AppError('DATE_ORDER', { path: ['deathDate'] });
  return withBulkTransaction(database, async (trx, bulk) => {
    for (const d of deaths) {
      const stored = await loadById(trx, d.personId);
      if (!stored || !inScope(scope, stored)) throw new AppError('NOT_FOUND');
      await applyStatusChange(trx, bulk, scope, stored, { to: 'deceased', date: d.date, note }, today);
    }
    return deaths.length;
  });
}

async function applyStatusChange(
  trx: Kysely<DB>,
  bulk: BulkWriter,
  scope: Scope,
  stored: StoredPerson,
  change: { to: 'deceased' | 'movedOut'; date: Day; note?: string },
  today: Day,
): Promise<number> {
  if (stored.status !== 'active') throw new AppError('STATUS_INVALID');
  const personChange: PersonChange =
    change.to === 'deceased'
      ? { stored, next: { ...stored, deceasedOn: change.date }, status: 'deceased' }
      : { stored, next: stored, status: 'movedOut', movedOutOn: change.date };
  const version = await updatePerson(
    trx,
    bulk,
    personChange,
    stamp(scope, today),
    change.to === 'deceased' ? 'markDeceased' : 'markMovedOut',
  );
  await recordAudit(trx, scope, {
    action: `person.${change.to}`,
    targetType: 'person',
    targetId: stored.id,
    outcome: 'success',
    details: { date: change.date, note: change.note ?? null },
  });
  return version;
}

function stamp(scope: Scope, today: Day) {
  return { actor: scope.username, now: new Date().toISOString(), today };
}
