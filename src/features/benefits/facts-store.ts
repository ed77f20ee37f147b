import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';
import type { Category } from '../../domain/disability/category.ts';
import type { Level } from '../../domain/disability/level.ts';
import type { CertificateFact, EnrolmentFact, PersonFacts } from '../../domain/policy/facts.ts';
import type { Day } from '../../domain/time/day.ts';
import { personInScope } from '../access/scope-query.ts';
import type { Scope } from '../access/scope.ts';
import { inIntList } from './int-list.ts';

/** Facts plus what lists show: name and village. */
export type StoredFacts = PersonFacts & { name: string; villageCode: string | null; householdId: number | null };

/** Which persons to load: all in scope, one town or village, or some ids. */
export type FactsFilter = {
  asOf: Day;
  town?: string;
  village?: string;
  personIds?: readonly number[];
  idNumber?: string;
  chunkSize?: number;
};

/** Household statuses that apply to every member. */
const householdPrograms = ['dibao', 'lowIncome'];

function personQuery(db: Kysely<DB>, scope: Scope, f: FactsFilter, after: number, limit: number) {
  let q = db
    .selectFrom('person')
    .select([
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
    ])
    .where('id', '>', after)
    .where((eb) => personInScope(scope, eb));
  if (f.town) q = q.where('town_code', '=', f.town);
  if (f.village) q = q.where('village_code', '=', f.village);
  if (f.idNumber) q = q.where('id_number', '=', f.idNumber);
  if (f.personIds) q = q.where(inIntList(db, 'person.id', f.personIds as number[]));
  return q.orderBy('id').limit(limit);
}

async function certificatesOf(db: Kysely<DB>, lo: number, hi: number) {
  const rows = await db
    .selectFrom('certificate')
    .select(['person_id', 'category', 'level', 'issued_on', 'valid_until', 'effective_from', 'ended_on', 'end_reason'])
    .where('person_id', '>=', lo)
    .where('person_id', '<=', hi)
    .execute();
  const by = new Map<number, CertificateFact[]>();
  for (const r of rows) {
    const c: CertificateFact = {
      category: r.category as Category,
      level: r.level as Level,
      issuedOn: r.issued_on,
      validUntil: r.valid_until,
      effectiveFrom: r.effective_from,
      endedOn: r.ended_on,
      endReason: r.end_reason,
    };
    const list = by.get(r.person_id);
    if (list) list.push(c);
    else by.set(r.person_id, [c]);
  }
  return by;
}

type LoadedEnrolment = EnrolmentFact & { id: number };

async function enrolmentsOf(db: Kysely<DB>, lo: number, hi: number, asOf: Day) {
  const rows = await db
    .selectFrom('enrolment')
    .select(['id', 'person_id', 'program', 'start_date', 'end_date', 'monthly_amount_fen'])
    .where('person_id', '>=', lo)
    .where('person_id', '<=', hi)
    .where('start_date', '<=', asOf)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asOf)]))
    .execute();
  const by = new Map<number, LoadedEnrolment[]>();
  for (const r of rows) {
    const e = { id: r.id, program: r.program, startDate: r.start_date, endDate: r.end_date, monthlyAmountFen: r.monthly_amount_fen };
    const list = by.get(r.person_id);
    if (list) list.push(e);
    else by.set(r.person_id, [e]);
  }
  return by;
}

type HouseholdEnrolments = Map<number, (EnrolmentFact & { personId: number })[]>;

/**
 * Dibao/lowIncome enrolments active on the day of every member of the given households (or, with null, of every
 * household: one query for a whole run instead of one per chunk), by household.
 */
async function householdEnrolmentsOf(db: Kysely<DB>, householdIds: number[] | null, asOf: Day): Promise<HouseholdEnrolments> {
  const by: HouseholdEnrolments = new Map();
  if (householdIds?.length === 0) return by;
  const rows = await db
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
    .where(householdIds ? inIntList(db, 'person.household_id', householdIds) : sql<boolean>`person.household_id is not null`)
    .where('enrolment.program', 'in', householdPrograms)
    .where('enrolment.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('enrolment.end_date', 'is', null), eb('enrolment.end_date', '>=', asOf)]))
    .execute();
  for (const r of rows) {
    const e = {
      personId: r.person_id,
      program: r.program,
      startDate: r.start_date,
      endDate: r.end_date,
      monthlyAmountFen: r.monthly_amount_fen,
    };
    by.set(r.household_id as number, [...(by.get(r.household_id as number) ?? []), e]);
  }
  return by;
}

/**
 * Latest needs-survey answers of the year of the day or the year before (older answers are stale for an income
 * test): income per capita and home-modification need.
 */
async function surveysOf(db: Kysely<DB>, lo: number, hi: number, asOf: Day) {
  const rows = await db
    .selectFrom('needs_survey')
    .select(['person_id', 'year', 'income_per_capita_fen', 'home_mod_need'])
    .where('person_id', '>=', lo)
    .where('person_id', '<=', hi)
    .where('year', '<=', Number(asOf.slice(0, 4)))
    .where('year', '>=', Number(asOf.slice(0, 4)) - 1)
    .where('superseded_at', 'is', null)
    .execute();
  const by = new Map<number, { year: number; income: number | null; homeMod: boolean | null }>();
  for (const r of rows) {
    const seen = by.get(r.person_id);
    if (seen && seen.year >= r.year) continue;
    by.set(r.person_id, {
      year: r.year,
      income: r.income_per_capita_fen,
      homeMod: r.home_mod_need === null ? null : r.home_mod_need === 1,
    });
  }
  return by;
}

/**
 * Streams the facts of every person in the scope (and filter) in id order, `chunkSize` persons at a time: five
 * set-wise queries per chunk (persons, certificates, enrolments, household enrolments, surveys), never one per person.
 */
export async function* streamFacts(database: Database, scope: Scope, filter: FactsFilter): AsyncGenerator<StoredFacts[]> {
  const db = database.db;
  const size = filter.chunkSize ?? 50_000;
  const narrow = filter.personIds !== undefined || filter.idNumber !== undefined;
  const allHouseholds = narrow ? null : await householdEnrolmentsOf(db, null, filter.asOf);
  for (let after = 0; ; ) {
    const persons = await personQuery(db, scope, filter, after, size).execute();
    if (persons.length === 0) return;
    const lo = (persons[0] as { id: number }).id;
    const hi = (persons[persons.length - 1] as { id: number }).id;
    after = hi;
    const households = [...new Set(persons.map((p) => p.household_id).filter((h): h is number => h !== null))];
    const [certs, enrols, houses, surveys] = await Promise.all([
      certificatesOf(db, lo, hi),
      enrolmentsOf(db, lo, hi, filter.asOf),
      allHouseholds ?? householdEnrolmentsOf(db, households, filter.asOf),
      surveysOf(db, lo, hi, filter.asOf),
    ]);
    yield persons.map((p) => ({
      personId: p.id,
      idNumber: p.id_number,
      name: p.name,
      townCode: p.town_code,
      villageCode: p.village_code,
      householdId: p.household_id,
      birthDate: p.birth_date,
      hukou: p.hukou,
      residencePermit: p.residence_permit,
      deceasedOn: p.deceased_on,
      movedOutOn: p.moved_out_on,
      certificates: certs.get(p.id) ?? [],
      enrolments: enrols.get(p.id) ?? [],
      householdEnrolments: p.household_id === null ? [] : (houses.get(p.household_id) ?? []).filter((e) => e.personId !== p.id),
      incomePerCapitaFen: surveys.get(p.id)?.income ?? null,
      homeModificationNeed: surveys.get(p.id)?.homeMod ?? null,
    }));
    if (persons.length < size) return;
  }
}
