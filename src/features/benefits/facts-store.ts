import { type Expression, expressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { isNarrow } from '../../db/person-share.ts';
import type { DB } from '../../db/tables.ts';
import type { Category } from '../../domain/disability/category.ts';
import type { Level } from '../../domain/disability/level.ts';
import type { CertificateFact, EnrolmentFact, PersonFacts } from '../../domain/policy/facts.ts';
import type { Day } from '../../domain/time/day.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { inIntList } from './int-list.ts';
import { type RawRow, rawRows } from './raw-rows.ts';

/** Facts plus what lists show: name and village. */
export type StoredFacts = PersonFacts & { name: string; villageCode: string | null; householdId: number | null };

/** Which persons to load: all in scope, one town or village, or some ids. */
export type FactsFilter = {
  asOf: Day;
  town?: string;
  village?: string;
  personIds?: readonly number[];
  idNumber?: string;
  /** Persons with ids in [from, to]: one lane's share of a long run (evaluation-lanes.ts). */
  idRange?: { from: number; to: number };
  chunkSize?: number;
};

/** An own enrolment with its row id (gap lists and tasks point at it). */
export type LoadedEnrolment = EnrolmentFact & { id: number };

type HouseholdEnrolment = EnrolmentFact & { personId: number };
type HouseholdEnrolments = Map<number, HouseholdEnrolment[]>;

/**
 * Persons per chunk: six set-wise queries each (500 chunks for a million persons). Small enough that a chunk's rows
 * and facts are mostly collected young (a 50,000-person chunk was promoted to the old generation whole), large
 * enough that the queries' fixed cost does not show.
 */
const defaultChunkSize = 2_000;

/** Household statuses that apply to every member. */
const householdPrograms = ['dibao', 'lowIncome'];

/** The ids of a chunk: a contiguous id range, or (when a filter thins it out) the list of ids. */
type Chunk = { lo: number; hi: number; ids: number[] | null };

// The persons query's columns; rows come back as arrays in this order.
const personColumns = [
  'id',
  'id_number',
  'name',
  'town_code',
  'village_code',
  'household_id',
  'birth_date',
  'hukou',
  'residence_permit',
  'deceased_on',
  'moved_out_on',
] as const;

/** The persons of the scope and filter, as one condition on `person` (the facts' persons; lanes count them). */
export function personsOf(db: Kysely<DB>, scope: Scope, f: FactsFilter): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'person'>();
  // The facts are read in id order: a county scope may lead through person_county_idx (county, id).
  const conditions: Expression<SqlBool>[] = [personInScope(scope, eb, 'byId')];
  if (f.town) conditions.push(eb('person.town_code', '=', f.town));
  if (f.village) conditions.push(eb('person.village_code', '=', f.village));
  if (f.idNumber) conditions.push(eb('person.id_number', '=', f.idNumber));
  if (f.idRange) conditions.push(eb('person.id', '>=', f.idRange.from), eb('person.id', '<=', f.idRange.to));
  if (f.personIds) conditions.push(inIntList(db, 'person.id', f.personIds as number[]));
  return eb.and(conditions);
}

function personQuery(db: Kysely<DB>, scope: Scope, f: FactsFilter, after: number, limit: number) {
  return db
    .selectFrom('person')
    .select(personColumns)
    .where('id', '>', after)
    .where(personsOf(db, scope, f))
    .orderBy('id')
    .limit(limit);
}

/** Restricts a child table's `person_id` to the chunk: a range scan, or the id list when the chunk is sparse. */
function ofChunk(db: Kysely<DB>, column: string, chunk: Chunk) {
  return chunk.ids ? inIntList(db, column, chunk.ids) : sql<boolean>`${sql.ref(column)} between ${chunk.lo} and ${chunk.hi}`;
}

/**
 * Certificates by person and effective date: the index order, no sort step in SQLite. certificateOn relies on ties
 * of the effective date coming in entry order: `byEntry` puts a person's rows in that order (most have one).
 */
function certificateQuery(db: Kysely<DB>, chunk: Chunk) {
  return db
    .selectFrom('certificate')
    .select(['person_id', 'id', 'category', 'level', 'issued_on', 'valid_until', 'effective_from', 'ended_on', 'end_reason'])
    .where(ofChunk(db, 'certificate.person_id', chunk))
    .orderBy('person_id')
    .orderBy('effective_from');
}

function enrolmentQuery(db: Kysely<DB>, chunk: Chunk, asOf: Day) {
  return db
    .selectFrom('enrolment')
    .select(['person_id', 'id', 'program', 'start_date', 'end_date', 'monthly_amount_fen'])
    .where(ofChunk(db, 'enrolment.person_id', chunk))
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .orderBy('person_id');
}

/**
 * Current needs-survey answers of one year (the facts use the year of the day, else the year before: older answers
 * are stale for an income test): income per capita and home-modification need. `year = ?` with the person range
 * reads the covering index of current answers (year, person_id, …) in person order: no table rows, no sort step
 * (asking for both years at once needed a sort by person, which cost more than a second query).
 */
function surveyQuery(db: Kysely<DB>, chunk: Chunk, year: number) {
  return db
    .selectFrom('needs_survey')
    .select(['person_id', 'year', 'income_per_capita_fen', 'home_mod_need'])
    .where(ofChunk(db, 'needs_survey.person_id', chunk))
    .where('year', '=', year)
    .where('superseded_at', 'is', null)
    .orderBy('person_id');
}

/**
 * Dibao/lowIncome enrolments active on the day of every member of the given households (or, with null, of every
 * household: one query for a whole run instead of one per chunk), by household, in member and start order.
 */
async function householdEnrolmentsOf(database: Database, householdIds: number[] | null, asOf: Day): Promise<HouseholdEnrolments> {
  const db = database.db;
  const by: HouseholdEnrolments = new Map();
  if (householdIds?.length === 0) return by;
  const query = db
    .selectFrom('enrolment')
    .innerJoin('person', 'person.id', 'enrolment.person_id')
    .select([
      'person.household_id',
      'enrolment.person_id',
      'enrolment.program',
      'enrolment.start_date',
      'enrolment.end_date',
      'enrolment.monthly_amount_fen',
    ])
    // Given households: their members' enrolments, found by member (not every dibao enrolment of the database, then
    // filtered: 400 ms a chunk at 1,000,000 persons, against 7 ms).
    .where(
      householdIds
        ? sql<boolean>`enrolment.person_id in (select m.id from person m where ${inIntList(db, 'm.household_id', householdIds)})`
        : sql<boolean>`person.household_id is not null`,
    )
    .where('enrolment.program', 'in', householdPrograms)
    .where('enrolment.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('enrolment.end_date', 'is', null), eb('enrolment.end_date', '>=', asOf)]))
    .orderBy('enrolment.person_id')
    .orderBy('enrolment.start_date')
    .orderBy('enrolment.id');
  for (const r of await rawRows(database, query)) {
    const household = r[0] as number;
    const e = {
      personId: r[1] as number,
      program: r[2] as string,
      startDate: r[3] as Day,
      endDate: r[4] as Day | null,
      monthlyAmountFen: r[5] as number | null,
    };
    const list = by.get(household);
    if (list) list.push(e);
    else by.set(household, [e]);
  }
  return by;
}

/**
 * Walks rows ordered by person id (column 0) alongside persons in the same order: a merge join, no per-person
 * lookups. Rows of persons the chunk does not hold (outside a town filter) are skipped.
 */
class RowsByPerson {
  private at = 0;
  constructor(private readonly rows: RawRow[]) {}

  /** The last of the person's rows (rows are ordered by person, then by what makes the last one the latest). */
  last(personId: number): RawRow | undefined {
    const rows = this.rows;
    let found: RawRow | undefined;
    while (this.at < rows.length && ((rows[this.at] as RawRow)[0] as number) < personId) this.at += 1;
    while (this.at < rows.length && (rows[this.at] as RawRow)[0] === personId) found = rows[this.at++] as RawRow;
    return found;
  }

  /** The person's rows mapped by `to`; with `order`, a person's rows are first sorted by it (when there are two or more). */
  take<T>(personId: number, to: (row: RawRow) => T, order?: (a: RawRow, b: RawRow) => number): T[] {
    const rows = this.rows;
    while (this.at < rows.length && ((rows[this.at] as RawRow)[0] as number) < personId) this.at += 1;
    const from = this.at;
    while (this.at < rows.length && (rows[this.at] as RawRow)[0] === personId) this.at += 1;
    if (order && this.at - from > 1) return rows.slice(from, this.at).sort(order).map(to);
    const out: T[] = [];
    for (let i = from; i < this.at; i++) out.push(to(rows[i] as RawRow));
    return out;
  }
}

/** Certificate rows in effective-date, then entry (id) order. */
function certificateOrder(a: RawRow, b: RawRow): number {
  const from = (a[6] as string) < (b[6] as string) ? -1 : (a[6] as string) > (b[6] as string) ? 1 : 0;
  return from !== 0 ? from : (a[1] as number) - (b[1] as number);
}

/** Enrolment rows in entry (id) order. */
function enrolmentOrder(a: RawRow, b: RawRow): number {
  return (a[1] as number) - (b[1] as number);
}

function toCertificate(r: RawRow): CertificateFact {
  return {
    category: r[2] as Category,
    level: r[3] as Level,
    issuedOn: r[4] as Day | null,
    validUntil: r[5] as Day | null,
    effectiveFrom: r[6] as Day,
    endedOn: r[7] as Day | null,
    endReason: r[8] as string | null,
  };
}

function toEnrolment(r: RawRow): LoadedEnrolment {
  return {
    id: r[1] as number,
    program: r[2] as string,
    startDate: r[3] as Day,
    endDate: r[4] as Day | null,
    monthlyAmountFen: r[5] as number | null,
  };
}

// Most persons' households have no dibao/lowIncome member: they share one empty list (rules only read it).
const noEnrolments: EnrolmentFact[] = Object.freeze([]) as unknown as EnrolmentFact[];

/** The other members' household enrolments (a fresh list when there are any). */
function othersOf(houses: HouseholdEnrolments, householdId: number | null, personId: number): EnrolmentFact[] {
  const all = householdId === null ? undefined : houses.get(householdId);
  if (!all) return noEnrolments;
  const out: EnrolmentFact[] = [];
  for (const e of all) if (e.personId !== personId) out.push(e);
  return out.length === 0 ? noEnrolments : out;
}

/** The facts of one chunk of person rows (ordered by id): five set-wise queries (surveys: one per year), merge-joined. */
async function factsOf(database: Database, persons: RawRow[], filter: FactsFilter, households: HouseholdEnrolments | null) {
  const db = database.db;
  const ids = persons.map((p) => p[0] as number);
  const lo = ids[0] as number;
  const hi = ids[ids.length - 1] as number;
  // A filtered chunk (a town, some ids) is sparse in the id range: list its ids rather than read the whole range.
  const chunk: Chunk = { lo, hi, ids: ids.length * 2 < hi - lo + 1 ? ids : null };
  const householdIds = households ? [] : [...new Set(persons.map((p) => p[5] as number | null).filter((h): h is number => h !== null))];
  const year = Number(filter.asOf.slice(0, 4));
  const [certs, enrols, surveys, surveysBefore, houses] = await Promise.all([
    rawRows(database, certificateQuery(db, chunk)),
    rawRows(database, enrolmentQuery(db, chunk, filter.asOf)),
    rawRows(database, surveyQuery(db, chunk, year)),
    rawRows(database, surveyQuery(db, chunk, year - 1)),
    households ?? householdEnrolmentsOf(database, householdIds, filter.asOf),
  ]);
  const certsBy = new RowsByPerson(certs);
  const enrolsBy = new RowsByPerson(enrols);
  const surveysBy = new RowsByPerson(surveys);
  const surveysBeforeBy = new RowsByPerson(surveysBefore);
  return persons.map((p): StoredFacts => {
    const id = p[0] as number;
    const householdId = p[5] as number | null;
    // One current answer per person and year: this year's, else last year's (the walkers catch up when skipped).
    const survey = surveysBy.last(id) ?? surveysBeforeBy.last(id);
    const homeMod = survey ? (survey[3] as number | null) : null;
    return {
      personId: id,
      idNumber: p[1] as string | null,
      name: p[2] as string,
      townCode: p[3] as string,
      villageCode: p[4] as string | null,
      householdId,
      birthDate: p[6] as Day | null,
      hukou: p[7] as PersonFacts['hukou'],
      residencePermit: p[8] as string | null,
      deceasedOn: p[9] as Day | null,
      movedOutOn: p[10] as Day | null,
      certificates: certsBy.take(id, toCertificate, certificateOrder),
      enrolments: enrolsBy.take(id, toEnrolment, enrolmentOrder),
      householdEnrolments: othersOf(houses, householdId, id),
      incomePerCapitaFen: survey ? (survey[2] as number | null) : null,
      homeModificationNeed: homeMod === null ? null : homeMod === 1,
    };
  });
}

type Loaded = { facts: StoredFacts[]; last: number; more: boolean };

async function loadChunk(
  database: Database,
  scope: Scope,
  filter: FactsFilter,
  after: number,
  size: number,
  households: HouseholdEnrolments | null,
): Promise<Loaded | null> {
  const persons = await rawRows(database, personQuery(database.db, scope, filter, after, size));
  if (persons.length === 0) return null;
  const facts = await factsOf(database, persons, filter, households);
  return { facts, last: (persons[persons.length - 1] as RawRow)[0] as number, more: persons.length === size };
}

/**
 * Streams the facts of every person in the scope (and filter) in id order, `chunkSize` persons at a time: six
 * set-wise queries per chunk (persons, certificates, enrolments, the surveys of two years, household enrolments —
 * the latter once per run when every person is read), never one per person. On PostgreSQL the next chunk is requested before the
 * current one is handed on, so that the server reads it while the caller evaluates. SQLite runs in this thread: a
 * prefetch would only keep a second chunk alive while the first is evaluated (promoted by the garbage collector).
 */
export async function* streamFacts(database: Database, scope: Scope, filter: FactsFilter): AsyncGenerator<StoredFacts[]> {
  const size = filter.chunkSize ?? defaultChunkSize;
  // Few persons (some ids, a town, a county of a province): each chunk reads its own households' enrolments.
  // Most of the persons: every household's, once. A lane's id range is a share of its run: the run decides.
  const run = { ...filter, idRange: undefined };
  const narrow =
    filter.personIds !== undefined || filter.idNumber !== undefined || (await isNarrow(database, personsOf(database.db, scope, run)));
  const households = narrow ? null : await householdEnrolmentsOf(database, null, filter.asOf);
  const prefetch = database.engine === 'postgres';
  let next: Promise<Loaded | null> | null = loadChunk(database, scope, filter, 0, size, households);
  for (;;) {
    const loaded: Loaded | null = await next;
    if (!loaded) return;
    const after: number = loaded.last;
    next = loaded.more && prefetch ? loadChunk(database, scope, filter, after, size, households) : null;
    // A caller that stops early never awaits the prefetch: keep its failure from being an unhandled rejection.
    next?.catch(() => {});
    yield loaded.facts;
    if (!loaded.more) return;
    next ??= loadChunk(database, scope, filter, after, size, households);
  }
}
