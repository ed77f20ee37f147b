import { createHash } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Database } from '../../db/connect.ts';
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

/**
 * The detail statement compiled once per database, scope shape and arity, and run on the driver itself rather than
 * through Kysely, with rows read as arrays. Building a row object in the driver costs more than the statement:
 * better-sqlite3 sets each of the 28 columns by name through V8's generic (slow) property path, ≈ 6 % of the
 * server's CPU per read in the profile; pg clones an empty row per row and stores each field by a computed key.
 * The array is turned into an object by a function generated from the column names (`rowBuilder`), which V8
 * compiles to one object literal. On SQLite values travel as bound parameters; on PostgreSQL as literals, checked
 * or quoted (runOnPostgres).
 */
type Direct = {
  sql: string;
  /** Where each parameter comes from: a name of the call's values, or a constant of the built query. */
  sources: readonly (keyof ManyParams | keyof Params | { constant: unknown })[];
  /** PostgreSQL: the prepared-statement name, one per SQL text. */
  name: string;
  /** SQLite: the statement on the raw handle, in raw (array) mode. */
  statement?: SqliteDatabase.Statement;
  build?: (values: unknown[]) => RawDetailRow;
};

const cache = new WeakMap<Database, Map<string, Direct>>();

// A value no caller passes: only ever a parameter of the built query, replaced by the real value at each run.
const marker = (name: string) => `\u0000person-detail:${name}\u0000`;

function directFor(database: Database, f: ScopeFilter | null, arity: 'one' | 'many'): Direct {
  let byShape = cache.get(database);
  if (!byShape) {
    byShape = new Map();
    cache.set(database, byShape);
  }
  const key = `${f ? `${f.column}:${f.prefix === true}` : 'all'}:${arity}`;
  let direct = byShape.get(key);
  if (!direct) {
    const names = { id: marker('id'), ids: marker('ids'), scopeValue: marker('scopeValue') };
    const markers: Params | ManyParams =
      arity === 'one' ? { id: names.id as never, scopeValue: names.scopeValue } : { ids: names.ids as never, scopeValue: names.scopeValue };
    const compiled = buildDetailQuery(database, f, markers).compile();
    const byMarker = new Map<unknown, keyof ManyParams | keyof Params>(Object.entries(names).map(([n, m]) => [m, n as keyof Params]));
    direct = {
      sql: compiled.sql,
      sources: compiled.parameters.map((p) => byMarker.get(p) ?? { constant: p }),
      name: `person_detail_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 24)}`,
    };
    if (database.sqlite) {
      direct.statement = database.sqlite.prepare(compiled.sql).raw(true);
      direct.build = rowBuilder(direct.statement.columns().map((c) => c.name));
    }
    byShape.set(key, direct);
  }
  return direct;
}

function parametersOf(direct: Direct, values: Record<string, unknown>): unknown[] {
  return direct.sources.map((s) => (typeof s === 'object' ? s.constant : values[s]));
}

/** `(values) => ({ [names[0]]: values[0], … })`, generated so that every row is one object literal of one shape. */
function rowBuilder(names: readonly string[]): (values: unknown[]) => RawDetailRow {
  const fields = names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as (values: unknown[]) => RawDetailRow;
}

/**
 * PostgreSQL: the statement is prepared once per connection (SQL PREPARE) and run with a generic plan, as one
 * simple-protocol message: `BEGIN; SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE …; COMMIT`. As a plain
 * named statement PostgreSQL planned it anew at every run (a custom plan per parameter set, never settling on the
 * generic one), ≈ 0.25 ms of PostgreSQL's CPU per batch for a plan that does not depend on the values: persons by
 * primary key, members by household. SET LOCAL keeps the setting to this transaction, so no other query of the
 * pool's connections is planned generically. Values go as literals: ids checked to be integers, text quoted by
 * pg's escapeLiteral.
 */
async function runOnPostgres(pool: pg.Pool, direct: Direct, parameters: unknown[]): Promise<RawDetailRow[]> {
  const args = parameters.map(sqlLiteral).join(', ');
  const client = await pool.connect();
  try {
    let prepared = preparedOn.get(client);
    if (!prepared) {
      prepared = new Set();
      preparedOn.set(client, prepared);
    }
    if (!prepared.has(direct.name)) {
      await client.query(`prepare ${direct.name} as ${direct.sql}`);
      prepared.add(direct.name);
    }
    const results = (await client.query({
      text: `begin; set local plan_cache_mode = force_generic_plan; execute ${direct.name}(${args}); commit`,
      rowMode: 'array',
    })) as unknown as pg.QueryResult<unknown[]>[];
    client.release();
    const result = results[2] as pg.QueryResult<unknown[]>;
    direct.build ??= rowBuilder(result.fields.map((field) => field.name));
    return result.rows.map(direct.build);
  } catch (e) {
    await client.query('rollback').catch(() => {});
    // Dropped, not returned: a connection in an unknown state (its prepared statements go with it).
    client.release(true);
    throw e;
  }
}

// The detail statements prepared on each pool connection, by name.
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/** A parameter as an SQL literal: text quoted by escapeLiteral, integers and integer arrays checked and written. */
function sqlLiteral(value: unknown): string {
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return `'{${value.join(',')}}'`;
  throw new TypeError('person detail: a parameter that is neither text nor integers');
}

/** Runs the detail statement: on the driver when it may, else through Kysely (SQLite inside a transaction). */
async function runDetail(database: Database, direct: Direct, values: Params | ManyParams): Promise<RawDetailRow[]> {
  const parameters = parametersOf(direct, values);
  const { sqlite, pool } = database;
  if (pool) return runOnPostgres(pool, direct, parameters);
  // Kysely's SQLite connection is this handle. Outside a transaction a read on it is the read Kysely would run
  // (synchronous, so nothing runs in between); inside one (a write holding Kysely's connection across awaits), it
  // would see that transaction's uncommitted rows, so it waits for Kysely's connection like any other query.
  if (sqlite && direct.statement && direct.build && !sqlite.inTransaction) {
    return (direct.statement.all(parameters) as unknown[][]).map(direct.build);
  }
  const result = await database.db.executeQuery<RawDetailRow>(CompiledQuery.raw(direct.sql, parameters));
  return result.rows;
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
  const [row] = await runDetail(database, directFor(database, f, 'one'), { id, scopeValue: scopeValueOf(f) });
  return row && withArrays(row);
}

/** The detail rows of several persons in one statement, by id; ids out of scope or unknown are absent. */
export async function loadPersonDetails(
  database: Database,
  f: ScopeFilter | null,
  scopeValue: string,
  ids: number[],
): Promise<Map<number, PersonDetailRow>> {
  const rows = await runDetail(database, directFor(database, f, 'many'), { ids, scopeValue });
  return new Map(rows.map((row) => [row.id, withArrays(row)]));
}
