/**
 * Generates one demo person's survey answers, enrolments and services for 2021–2025 (pure: the same person and
 * seed give the same rows). The rates and the towns' departures are in story.ts.
 */
import type { Insertable } from 'kysely';
import type { EnrolmentTable, NeedsSurveyTable, ServiceRecordTable } from '../../../db/services-tables.ts';
import { addDays, ageOn, dayOf, daysInMonth, type Day, maxDay, yearEnd } from '../../../domain/time/day.ts';
import { createRandom, type Random } from '../random.ts';
import { rateFor, serviceRates as r } from './story.ts';

/** What the generator needs to know about a registered person. */
export type DemoPersonSnapshot = {
  id: number;
  birthDate: Day | null;
  category: string;
  level: number;
  town: string;
  householdId: number | null;
  hukou: 'urban' | 'rural' | null;
  deceasedOn: Day | null;
  issuedOn: Day;
  validUntil: Day | null;
};

/** The rows generated for one person. */
export type DemoFacts = {
  surveys: Insertable<NeedsSurveyTable>[];
  enrolments: Insertable<EnrolmentTable>[];
  services: Insertable<ServiceRecordTable>[];
};

const stamp = { recorded_at: '2026-01-15T00:00:00.000Z', recorded_by: 'demo' };

function holderAt(p: DemoPersonSnapshot, day: Day): boolean {
  return p.issuedOn <= day && (p.validUntil === null || p.validUntil >= day) && (p.deceasedOn === null || p.deceasedOn > day);
}

function dayIn(random: Random, year: number): Day {
  const month = 1 + random.int(12);
  return dayOf(year, month, 1 + random.int(daysInMonth(year, month)));
}

/** Household per-capita monthly income in fen for a year: a household base in 2020 grown 4.5–8.5 % a year. */
export function householdIncomeFen(seed: number, household: number, year: number): number {
  const random = createRandom(seed * 7_919 + household);
  let income = 90_000 + random.int(160_000);
  for (let y = 2021; y <= year; y++) income *= 1.045 + random.next() * 0.04;
  return Math.round(income);
}

function enrolmentRow(personId: number, program: string, start: Day, end: Day | null, amountFen: number | null) {
  return { person_id: personId, program, start_date: start, end_date: end, monthly_amount_fen: amountFen, source: 'demo', ...stamp };
}

/** The generated facts of one person. */
export function demoPersonFacts(p: DemoPersonSnapshot, seed: number): DemoFacts {
  const random = createRandom(seed * 1_000_003 + p.id);
  const facts: DemoFacts = { surveys: [], enrolments: [], services: [] };
  const enrol = (program: string, start: Day, end: Day | null, amountFen: number | null = null) => {
    if (end === null || end >= start) facts.enrolments.push(enrolmentRow(p.id, program, start, end, amountFen));
  };
  const stop = stopDay(p, random);
  const severe = p.level <= 2;
  const intellectualMental = p.category === 'intellectual' || p.category === 'mental';
  const adult = p.birthDate !== null && ageOn(p.birthDate, '2025-12-31') >= 16;
  const from = p.issuedOn > '2021-01-01' ? p.issuedOn : '2021-01-01';
  const tekun = adult && severe && random.chance(r.tekunSevere);
  const dibaoRate = p.hukou === 'urban' ? r.dibaoUrban : r.dibaoRural;
  // A low-income household's severe or level 3–4 intellectual/mental member enters dibao alone (单人户).
  let dibao = !tekun && random.chance(dibaoRate);
  const lowIncome = !tekun && !dibao && random.chance(r.lowIncome);
  if (lowIncome && (severe || intellectualMental)) dibao = true;
  if (tekun) enrol('tekun', from, stop);
  if (dibao) enrol('dibao', from, stop);
  if (lowIncome && !dibao) enrol('lowIncome', from, stop);
  if ((dibao || lowIncome) && !tekun && random.chance(r.livingSubsidyTakeUp)) enrol('livingSubsidy', from, stop, 20_900);
  if ((severe || intellectualMental) && !tekun && random.chance(rateFor(p.town, 'nursingTakeUp')))
    enrol('nursingSubsidy', from, stop, 28_000);
  for (const year of r.years) addYear(p, year, random, facts, seed);
  // Departments' lists: the pension and medical insurance rolls, for persons the survey found insured every year.
  const current = facts.surveys.filter((s) => s.superseded_at === null);
  const first = current[0];
  if (first && current.every((s) => s.pension === 'residentScheme')) enrol('residentPension', maxDay(from, `${first.year}-01-01`), stop);
  if (first && current.every((s) => s.medical === 'resident')) enrol('medicalInsurance', maxDay(from, `${first.year}-01-01`), stop);
  return facts;
}

/** When a person's enrolments stop: the end of the month of death, unless the stop was never applied. */
function stopDay(p: DemoPersonSnapshot, random: Random): Day | null {
  if (!p.deceasedOn) return null;
  if (random.chance(r.stillEnrolledAfterDeath)) return null;
  const [y, m] = [Number(p.deceasedOn.slice(0, 4)), Number(p.deceasedOn.slice(5, 7))];
  return dayOf(y, m, daysInMonth(y, m));
}

function addYear(p: DemoPersonSnapshot, year: number, random: Random, facts: DemoFacts, seed: number) {
  const end = yearEnd(year);
  if (!holderAt(p, end) || p.birthDate === null) return;
  const age = ageOn(p.birthDate, end);
  const schoolAge = ageOn(p.birthDate, dayOf(year, 9, 1));
  const student =
    (schoolAge >= 6 && schoolAge <= 14 && random.chance(r.schoolEnrolled)) || (schoolAge >= 15 && schoolAge <= 18 && random.chance(0.4));
  const answers = surveyAnswers(p, year, age, student, random, seed);
  addServices(p, year, age, answers, random, facts);
  if (age <= 6 && answers.rehab_received) {
    facts.enrolments.push(enrolmentRow(p.id, 'childRehabAid', maxDay(p.issuedOn, `${year}-01-01`), end, null));
  }
  const row = { person_id: p.id, year, ...answers, source: 'demo', ...stamp, superseded_at: null };
  if (random.chance(r.surveyCorrected)) {
    facts.surveys.push({ ...row, rehab_received: row.rehab_need ? 0 : null, income_per_capita_fen: null, superseded_at: addDays(end, 15) });
  }
  facts.surveys.push(row);
}

function surveyAnswers(p: DemoPersonSnapshot, year: number, age: number, student: boolean, random: Random, seed: number) {
  const rehabNeed = random.chance(r.rehabNeed);
  const deviceNeed = random.chance(r.deviceNeed);
  const insured = age >= 16 && !student && random.chance(r.pensionInsured);
  const pension =
    age < 16 || student ? null : !insured ? 'none' : age >= 60 ? 'drawing' : random.chance(0.1) ? 'employee' : 'residentScheme';
  const medical = random.chance(rateFor(p.town, 'medicalInsured')) ? (random.chance(0.08) ? 'employee' : 'resident') : 'none';
  const schooling =
    age >= 6 && age <= 18 ? (student ? random.pick(['mainstream', 'mainstream', 'special', 'home']) : 'notEnrolled') : 'notApplicable';
  const working = age >= 16 && age <= 59 && !student;
  const employment = !working
    ? 'notApplicable'
    : random.pick(['agriculture', 'flexible', 'unemployed', 'unemployed', 'sheltered', 'quota', 'publicWelfare', 'selfEmployed']);
  const training = working && random.chance(r.training[year - 2021] ?? 0);
  return {
    rehab_need: rehabNeed ? 1 : 0,
    rehab_received: rehabNeed && random.chance(rateFor(p.town, 'rehabReceived')) ? 1 : 0,
    device_need: deviceNeed ? 1 : 0,
    device_fitted: deviceNeed && random.chance(r.deviceFitted) ? 1 : 0,
    pension,
    medical,
    schooling,
    employment,
    training_completed: training ? 1 : 0,
    income_per_capita_fen: householdIncomeFen(seed, p.householdId ?? -p.id, year),
    home_mod_need: p.level <= 2 && random.chance(r.homeModNeed) ? 1 : 0,
  };
}

function addServices(
  p: DemoPersonSnapshot,
  year: number,
  age: number,
  a: ReturnType<typeof surveyAnswers>,
  random: Random,
  facts: DemoFacts,
) {
  const service = (kind: string, start: Day, endDate: Day | null, status: string, costFen: number | null = null) =>
    facts.services.push({
      person_id: p.id,
      kind,
      start_date: start,
      end_date: endDate,
      status,
      provider: null,
      department: null,
      cost_fen: costFen,
      details_json: null,
      ...stamp,
    });
  const day = dayIn(random, year);
  if (a.rehab_received) service('rehab', day, null, 'completed');
  if (a.device_fitted) service('device', day, null, 'completed', 50_000 + random.int(300_000));
  if (a.training_completed) service('training', day, addDays(day, 10) <= yearEnd(year) ? addDays(day, 10) : day, 'completed');
  if (p.level <= 2 && age >= 16 && random.chance(r.homeModification)) {
    const accepted = addDays(day, 60 + random.int(60));
    const done = accepted <= '2026-06-30' && (p.deceasedOn === null || accepted < p.deceasedOn);
    const stages = { applied: day, surveyed: addDays(day, 20), works: addDays(day, 40), ...(done ? { accepted } : {}) };
    facts.services.push({
      person_id: p.id,
      kind: 'homeModification',
      start_date: day,
      end_date: done ? accepted : null,
      status: done ? 'accepted' : 'works',
      provider: null,
      department: null,
      cost_fen: 400_000 + random.int(400_000),
      details_json: JSON.stringify({ stages }),
      ...stamp,
    });
  }
}
