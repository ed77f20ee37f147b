import { type Kysely, sql } from 'kysely';
import type { RenewalQuery } from '../../contracts/renewals.ts';
import type { DB } from '../../db/tables.ts';
import { addDays, type Day } from '../../domain/time/day.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { decodeCursor, keysetPage } from '../registry/cursor.ts';

/** The filter without paging: living, registered persons in scope whose certificate ends by date + within. */
function renewalBase(db: Kysely<DB>, scope: Scope, q: RenewalQuery, asOf: Day) {
  let query = db
    .selectFrom('person')
    .where((eb) => personInScope(scope, eb))
    .where('person.status', '=', 'active')
    .where('person.certificate_valid_until', 'is not', null);
  if (q.state === 'expired') query = query.where('person.certificate_valid_until', '<', asOf);
  else if (q.state === 'dueSoon')
    query = query
      .where('person.certificate_valid_until', '>=', asOf)
      .where('person.certificate_valid_until', '<=', addDays(asOf, q.within));
  else query = query.where('person.certificate_valid_until', '<=', addDays(asOf, q.within));
  if (q.town) query = query.where('person.town_code', '=', q.town);
  if (q.village) query = query.where('person.village_code', '=', q.village);
  return query;
}

/** Counts per town of expired and due-soon certificates under the filter (the state filter applies too). */
export async function renewalCountsByTown(db: Kysely<DB>, scope: Scope, q: RenewalQuery, asOf: Day) {
  const expired = sql<number>`sum(case when person.certificate_valid_until < ${asOf} then 1 else 0 end)`;
  const rows = await renewalBase(db, scope, q, asOf)
    .innerJoin('org_unit as town', 'town.code', 'person.town_code')
    .select(['person.town_code as code', 'town.name as name', expired.as('expired'), sql<number>`count(*)`.as('total')])
    .groupBy(['person.town_code', 'town.name'])
    .orderBy('person.town_code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, expired: Number(r.expired), dueSoon: Number(r.total) - Number(r.expired) }));
}

/** One page of the renewal list, soonest-ended first (longest expired at the top), with the next cursor. */
export async function renewalRows(db: Kysely<DB>, scope: Scope, q: RenewalQuery, asOf: Day) {
  let query = renewalBase(db, scope, q, asOf)
    .innerJoin('org_unit as town', 'town.code', 'person.town_code')
    .leftJoin('org_unit as village', 'village.code', 'person.village_code')
    .select([
      'person.id',
      'person.name',
      'person.id_number',
      'person.certificate_number',
      'person.category',
      'person.level',
      'person.town_code',
      'town.name as town_name',
      'person.village_code',
      'village.name as village_name',
      'person.certificate_valid_until',
    ]);
  if (q.cursor) {
    // The cursor's "name" slot carries the last validUntil seen.
    const after = decodeCursor(q.cursor);
    query = query.where((eb) => eb(eb.refTuple('person.certificate_valid_until', 'person.id'), '>', eb.tuple(after.name, after.id)));
  }
  const rows = await query
    .orderBy('person.certificate_valid_until')
    .orderBy('person.id')
    .limit(q.limit + 1)
    .execute();
  // The cursor's "name" slot carries the last validUntil.
  return keysetPage(rows, q.limit, (last) => ({ name: String(last.certificate_valid_until), id: last.id }));
}

/** The programmes each person is enrolled in on the day (what stops if the certificate lapses). */
export async function activeEnrolments(db: Kysely<DB>, personIds: readonly number[], asOf: Day): Promise<Map<number, string[]>> {
  const byPerson = new Map<number, string[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('enrolment')
    .select(['person_id', 'program'])
    .where('person_id', 'in', [...personIds])
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .orderBy('person_id')
    .orderBy('program')
    .execute();
  for (const r of rows) {
    const list = byPerson.get(r.person_id) ?? [];
    if (!list.includes(r.program)) list.push(r.program);
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}
