import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Database } from '../../db/connect.ts';
import { Precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/tables.ts';
import { type Scope, type ScopeFilter, scopeFilter } from '../access/scope.ts';
import { personListQuery } from './search-persons.ts';

/** A person's certificate as the detail query returns it (JSON built by the database). */
export type CertificateJson = {
  certificateNumber: string;
  category: string;
  level: number;
  issuedOn: string | null;
  validUntil: string | null;
  effectiveFrom: string;
  endedOn: string | null;
  endReason: string | null;
};

/** `scopeValue`: the scope's code, or for a prefix scope the LIKE pattern (`code%`). */
type Params = { id: number; scopeValue: string };
/** The same for several persons at once (PostgreSQL batches, see person-detail-batch.ts). */
type ManyParams = { ids: number[]; scopeValue: string };

/** Scope condition on a person table under an alias (`person`, or `member` for the household members). */
function inScope(alias: 'person' | 'member', f: ScopeFilter | null, value: string): Expression<SqlBool> {
  if (!f) return sql<SqlBool>`true`;
  // For a prefix scope `value` is already the LIKE pattern: a precompiled marker must stay a whole parameter.
  return sql<SqlBool>`${sql.ref(`${alias}.${f.column}`)} ${sql.raw(f.prefix ? 'like' : '=')} ${value}`;
}

/**
 * The whole detail in one statement: the list row, the detail columns, the certificate history and the household
 * members (in scope) as JSON arrays. One round trip instead of three, which matters most on PostgreSQL.
 */
function buildDetailQuery(database: Database, f: ScopeFilter | null, p: Params | ManyParams) {
  const db = database.db as Kysely<DB & { member: DB['person'] }>;
  const jsonArrayFrom = database.engine === 'postgres' ? pgJsonArrayFrom : sqliteJsonArrayFrom;
  return personListQuery(database.db)
    .leftJoin('household', 'household.id', 'person.household_id')
    .select((eb) => [
      'person.hukou',
      'person.residence_permit',
      'person.phone',
      'person.guardian_name',
      'person.guardian_phone',
      'person.household_id',
      'household.household_no',
      'person.deceased_on',
      'person.moved_out_on',
      'person.created_at',
      'person.updated_at',
      jsonArrayFrom(
        db
          .selectFrom('certificate')
          .select([
            'certificate.certificate_number as certificateNumber',
            'certificate.category',
            'certificate.level',
            'certificate.issued_on as issuedOn',
            'certificate.valid_until as validUntil',
            'certificate.effective_from as effectiveFrom',
            'certificate.ended_on as endedOn',
            'certificate.end_reason as endReason',
          ])
          .whereRef('certificate.person_id', '=', eb.ref('person.id'))
          .orderBy('certificate.effective_from', 'desc')
          .orderBy('certificate.id', 'desc'),
      ).as('certificates'),
      jsonArrayFrom(
        db
          .selectFrom('person as member')
          .select(['member.id', 'member.name'])
          .whereRef('member.household_id', '=', eb.ref('person.household_id'))
          .whereRef('member.id', '!=', eb.ref('person.id'))
          .where(inScope('member', f, p.scopeValue))
          .orderBy('member.id'),
      ).as('members'),
    ])
    .where('ids' in p ? sql<SqlBool>`${sql.ref('person.id')} = any(${p.ids}::int[])` : sql<SqlBool>`${sql.ref('person.id')} = ${p.id}`)
    .where(inScope('person', f, p.scopeValue));
}

type DetailQuery = ReturnType<typeof buildDetailQuery>;
type RawDetailRow = Awaited<ReturnType<DetailQuery['execute']>>[number];

/** A detail row with its JSON arrays parsed. */
export type PersonDetailRow = Omit<RawDetailRow, 'certificates' | 'members'> & {
  certificates: CertificateJson[];
  members: { id: number; name: string }[];
};

// One compiled query per database, scope shape (province-wide, or which column and whether a prefix) and arity.
const cache = new WeakMap<Database, Map<string, unknown>>();

function compiledFor<P extends Params | ManyParams>(
  database: Database,
  f: ScopeFilter | null,
  arity: 'one' | 'many',
  compile: () => Precompiled<RawDetailRow, P>,
): Precompiled<RawDetailRow, P> {
  let byShape = cache.get(database);
  if (!byShape) {
    byShape = new Map();
    cache.set(database, byShape);
  }
  const key = `${f ? `${f.column}:${f.prefix === true}` : 'all'}:${arity}`;
  let query = byShape.get(key) as Precompiled<RawDetailRow, P> | undefined;
  if (!query) {
    query = compile();
    byShape.set(key, query);
  }
  return query;
}

function detailQueryFor(database: Database, f: ScopeFilter | null): Precompiled<RawDetailRow, Params> {
  return compiledFor(database, f, 'one', () =>
    Precompiled.of<RawDetailRow, Params>((p) => buildDetailQuery(database, f, p), ['id', 'scopeValue']),
  );
}

function manyDetailQueryFor(database: Database, f: ScopeFilter | null): Precompiled<RawDetailRow, ManyParams> {
  return compiledFor(database, f, 'many', () =>
    Precompiled.of<RawDetailRow, ManyParams>((p) => buildDetailQuery(database, f, p), ['ids', 'scopeValue']),
  );
}

// SQLite returns the JSON as text; pg parses json columns itself.
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** The value bound for the scope condition: the code, or for a prefix scope the LIKE pattern. */
export function scopeValueOf(f: ScopeFilter | null): string {
  return f ? (f.prefix ? `${f.value}%` : f.value) : '';
}

// The driver's row is a fresh object of ours: parse in place rather than copy its thirty columns (~5 µs).
function withArrays(row: RawDetailRow): PersonDetailRow {
  const detail = row as unknown as PersonDetailRow;
  detail.certificates = parsed(row.certificates);
  detail.members = parsed(row.members);
  return detail;
}

/** A person's detail row if the person exists and is in the scope, else undefined (see also person-detail-batch.ts). */
export async function loadPersonDetail(database: Database, scope: Scope, id: number): Promise<PersonDetailRow | undefined> {
  const f = scopeFilter(scope);
  const [row] = await detailQueryFor(database, f).execute(database, { id, scopeValue: scopeValueOf(f) });
  return row && withArrays(row);
}

/** The detail rows of several persons in one statement, by id; ids out of scope or unknown are absent. */
export async function loadPersonDetails(
  database: Database,
  f: ScopeFilter | null,
  scopeValue: string,
  ids: number[],
): Promise<Map<number, PersonDetailRow>> {
  const rows = await manyDetailQueryFor(database, f).execute(database, { ids, scopeValue });
  return new Map(rows.map((row) => [row.id, withArrays(row)]));
}
