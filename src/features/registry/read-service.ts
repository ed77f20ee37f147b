import { AppError } from '../../contracts/app-error.ts';
import type { PersonDetail, PersonSearch } from '../../contracts/persons.ts';
import type { Database } from '../../db/connect.ts';
import type { Day } from '../../domain/time/day.ts';
import { auditRead } from '../access/audit.ts';
import { personInScope } from '../access/scope-query.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import { auditQueryText, maskField } from './audit-values.ts';
import { departmentPersonFields } from '../access/roles.ts';
import { readPersonDetail } from './person-detail-batch.ts';
import { loadById } from './person-snapshot.ts';
import { limitFields, presentDetail, presentSummary } from './present.ts';
import { personListQuery, searchPersonRows } from './search-persons.ts';

/** Searches persons in the scope: one page, masked, audited. */
export async function searchPersons(database: Database, scope: Scope, search: PersonSearch, today: Day) {
  assertCan(scope, 'person.read');
  const page = await searchPersonRows(database.db, scope, search, today);
  const { cursor: _cursor, q, ...filters } = search;
  await auditRead(database, scope, {
    action: 'person.search',
    targetType: 'person',
    outcome: 'success',
    details: { ...filters, q: auditQueryText(q), returned: page.rows.length },
  });
  // Every list field is one a department user may read (departmentPersonFields), so lists need no limiting.
  return { items: page.rows.map(presentSummary), nextCursor: page.nextCursor };
}

/**
 * Loads a person the scope may see, or throws NOT_FOUND — the same answer for a person that does not exist and
 * one outside the scope, so that probing reveals nothing; the out-of-scope attempt is audited as denied.
 */
export async function requirePersonInScope(database: Database, scope: Scope, id: number, action: string) {
  const row = await personListQuery(database.db)
    .where('person.id', '=', id)
    .where((eb) => personInScope(scope, eb))
    .executeTakeFirst();
  if (row) return row;
  const exists = await database.db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst();
  if (exists)
    await auditRead(database, scope, { action, targetType: 'person', targetId: id, outcome: 'denied', details: { reason: 'outOfScope' } });
  throw new AppError('NOT_FOUND');
}

/** A person's full record with certificate history and household, masked and limited to the role's fields. */
export async function getPerson(database: Database, scope: Scope, id: number): Promise<Partial<PersonDetail>> {
  assertCan(scope, 'person.read');
  // One precompiled statement (person-detail-query.ts), shared by concurrent reads on PostgreSQL; the two-query
  // path below only runs on a miss.
  const row = await readPersonDetail(database, scope, id);
  if (!row) await requirePersonInScope(database, scope, id, 'person.read');
  if (!row) throw new AppError('NOT_FOUND');
  await auditRead(database, scope, { action: 'person.read', targetType: 'person', targetId: id, outcome: 'success' });
  return limitFields(scope, presentDetail(row));
}

/** Shows the full value of masked fields to a role allowed to see them, for a stated reason; always audited. */
export async function revealPerson(database: Database, scope: Scope, id: number, fields: readonly string[], reason: string) {
  assertCan(scope, 'person.reveal');
  await requirePersonInScope(database, scope, id, 'person.reveal');
  const stored = await loadById(database.db, id);
  if (!stored) throw new AppError('NOT_FOUND');
  const values: Record<string, string | null> = {};
  for (const f of fields) values[f] = (stored as unknown as Record<string, string | null>)[f] ?? null;
  await auditRead(database, scope, {
    action: 'person.reveal',
    targetType: 'person',
    targetId: id,
    outcome: 'success',
    details: { fields, reason },
  });
  return values;
}

/** A person's change history, newest first, with ID and phone numbers masked. */
export async function personHistory(database: Database, scope: Scope, id: number) {
  assertCan(scope, 'person.read');
  await requirePersonInScope(database, scope, id, 'person.history');
  const rows = await database.db
    .selectFrom('person_history')
    .selectAll()
    .where('person_id', '=', id)
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .execute();
  await auditRead(database, scope, { action: 'person.history', targetType: 'person', targetId: id, outcome: 'success' });
  return rows.map((r) => {
    const before = r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : {};
    const after = JSON.parse(r.after_json) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
    return {
      version: r.version,
      action: r.action,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      changes: fields
        .filter((f) => scope.role !== 'departmentUser' || (departmentPersonFields as readonly string[]).includes(f))
        .map((f) => ({ field: f, before: r.before_json ? maskField(f, before[f]) : null, after: maskField(f, after[f]) })),
    };
  });
}
