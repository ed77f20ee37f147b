import { type PersonFileKey, type PersonFileRow, personFileColumns } from '../../contracts/person-file.ts';
import type { Database } from '../../db/connect.ts';
import { idCheckChar } from '../../domain/identity/id-number.ts';
import { systemScope } from '../access/scope.ts';
import { importRecords } from '../registry/import/import-persons.ts';

/** The test village under 石角镇 and the two towns the hand-built county uses. */
export const fixtureOrgs = { county: '441821', shijiao: '441821100', village: '441821100201', shuitou: '441821101' };

/** A valid Fogang ID number for a birth date 'YYYYMMDD' and a sequence number. */
export function idFor(birth: string, seq: number): string {
  const first17 = `441821${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const categoryDigit: Record<string, number> = { 视力: 1, 肢体: 4, 智力: 5, 精神: 6 };

type Spec = { key: string; town: 'S' | 'W'; birth?: string; category?: string; level?: number; row?: PersonFileRow };

// Persons of the hand-built county (docs/indicators.md §Tests lists what each one exercises).
const specs: Spec[] = [
  { key: 'P0', town: 'S', row: { householdNo: 'HH-A' } },
  { key: 'P1', town: 'W' },
  { key: 'P2', town: 'S', level: 1, row: { deceasedOn: '2025-06-30' } },
  { key: 'P3', town: 'W', level: 4 },
  { key: 'P4', town: 'S', birth: '20191231', category: '智力', level: 3 },
  { key: 'P5', town: 'W', birth: '20150510', level: 4 },
  { key: 'P6', town: 'S', birth: '20120301', level: 4 },
  { key: 'P7', town: 'S', category: '视力', level: 3 },
  { key: 'P8', town: 'W', row: { certificateIssuedOn: '2014-01-01' } },
  { key: 'P9', town: 'S' },
  { key: 'P10', town: 'W', level: 1 },
  { key: 'P11', town: 'S', level: 1 },
  { key: 'P12', town: 'S', level: 4, row: { householdNo: 'HH-A' } },
  { key: 'P13', town: 'W', birth: '20080505', level: 4 },
];

function rowOf(spec: Spec, i: number): PersonFileRow {
  const birth = spec.birth ?? `19${60 + i}0${1 + (i % 9)}1${i % 10}`;
  const idNumber = idFor(birth, 11 + 2 * i);
  const category = spec.category ?? '肢体';
  const level = spec.level ?? 2;
  return {
    name: `测试${spec.key}`,
    idNumber,
    certificateNumber: `${idNumber}${categoryDigit[category]}${level}`,
    category,
    level: String(level),
    town: spec.town === 'S' ? '石角镇' : '水头镇',
    village: spec.town === 'S' ? '测试村' : '',
    certificateIssuedOn: '2020-03-15',
    ...spec.row,
  };
}

/**
 * Builds the hand-made county of the indicator tests: 14 persons in 石角镇/测试村 (S) and 水头镇 (W) with certificates,
 * enrolments, services and survey answers chosen so that every indicator's numerator and denominator are known.
 * Returns person ids by key (P0…P13).
 */
export async function buildIndicatorFixture(database: Database): Promise<Record<string, number>> {
  await database.db
    .insertInto('org_unit')
    .values({ code: fixtureOrgs.village, name: '测试村', level: 'village', parent_code: fixtureOrgs.shijiao, kind: 'village', demo: 1 })
    .execute();
  const present = new Set<PersonFileKey>(personFileColumns.map((c) => c.key));
  const records = specs.map((s, i) => ({ rowNumber: i + 2, record: rowOf(s, i) }));
  const report = await importRecords(database, systemScope('test'), { headerProblems: [], present, records }, { asOf: '2026-11-29' });
  if (report.invalid > 0) throw new Error(JSON.stringify(report.errors));
  const rows = await database.db.selectFrom('person').select(['id', 'name']).execute();
  const ids = Object.fromEntries(rows.map((r) => [r.name.replace('测试', ''), r.id])) as Record<string, number>;
  await addFacts(database, ids);
  return ids;
}

async function addFacts(database: Database, id: Record<string, number>) {
  const db = database.db;
  const stamp = { recorded_at: '2026-01-01T00:00:00Z', recorded_by: 'test' };
  // P9 moved out; P3's level changed from 4 to 2 on 2025-07-01 (a new certificate row).
  await db
    .updateTable('person')
    .set({ status: 'movedOut', moved_out_on: '2025-05-01' })
    .where('id', '=', id.P9 as number)
    .execute();
  await db
    .updateTable('certificate')
    .set({ ended_on: '2025-07-01', end_reason: 'levelChange' })
    .where('person_id', '=', id.P3 as number)
    .execute();
  const p3 = await db
    .selectFrom('certificate')
    .selectAll()
    .where('person_id', '=', id.P3 as number)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('certificate')
    .values({
      ...p3,
      id: undefined,
      certificate_number: `${p3.certificate_number.slice(0, 19)}2`,
      level: 2,
      effective_from: '2025-07-01',
      ended_on: null,
      end_reason: null,
    })
    .execute();
  await db
    .updateTable('person')
    .set({ level: 2 })
    .where('id', '=', id.P3 as number)
    .execute();
  const enrol = (p: string, program: string, start: string, end: string | null = null) =>
    db
      .insertInto('enrolment')
      .values({ person_id: id[p] as number, program, start_date: start, end_date: end, monthly_amount_fen: null, source: 'test', ...stamp })
      .execute();
  for (const [p, program, start, end] of enrolments) await enrol(p, program, start, end);
  const service = (p: string, kind: string, start: string, end: string | null, status: string) =>
    db
      .insertInto('service_record')
      .values({
        person_id: id[p] as number,
        kind,
        start_date: start,
        end_date: end,
        status,
        provider: null,
        department: null,
        cost_fen: null,
        details_json: null,
        ...stamp,
      })
      .execute();
  for (const [p, kind, start, end, status] of services) await service(p, kind, start, end, status);
  for (const [p, year, answers, superseded] of surveys) {
    await db
      .insertInto('needs_survey')
      .values({
        person_id: id[p] as number,
        year,
        source: 'test',
        recorded_at: '2026-01-01',
        recorded_by: 'test',
        superseded_at: superseded ?? null,
        ...answers,
      })
      .execute();
  }
}

const enrolments: [string, string, string, string | null][] = [
  ['P0', 'dibao', '2021-01-01', null],
  ['P0', 'livingSubsidy', '2021-01-01', null],
  ['P0', 'nursingSubsidy', '2021-01-01', null],
  ['P2', 'nursingSubsidy', '2021-01-01', null],
  ['P2', 'dibao', '2021-01-01', null],
  ['P3', 'nursingSubsidy', '2025-08-01', null],
  ['P3', 'residentPension', '2020-01-01', null],
  ['P3', 'medicalInsurance', '2020-01-01', null],
  ['P4', 'nursingSubsidy', '2021-01-01', null],
  ['P4', 'childRehabAid', '2024-01-01', '2025-06-30'],
  ['P6', 'lowIncome', '2022-01-01', null],
  ['P6', 'medicalInsurance', '2020-01-01', '2024-12-31'],
  ['P10', 'lowIncome', '2022-01-01', null],
  ['P10', 'livingSubsidy', '2022-01-01', null],
  ['P10', 'nursingSubsidy', '2021-01-01', '2025-11-30'],
  ['P11', 'tekun', '2021-01-01', null],
  ['P1', 'homeModification', '2024-03-01', null],
];

const services: [string, string, string, string | null, string][] = [
  ['P0', 'training', '2025-04-01', '2025-04-10', 'completed'],
  ['P2', 'training', '2025-02-20', '2025-03-01', 'completed'],
  ['P8', 'training', '2025-01-20', '2025-02-01', 'completed'],
  ['P3', 'rehab', '2025-03-01', null, 'completed'],
  ['P12', 'rehab', '2024-05-01', null, 'completed'],
  ['P5', 'device', '2025-09-01', null, 'completed'],
  ['P6', 'device', '2025-09-01', null, 'cancelled'],
  ['P12', 'homeModification', '2023-01-10', '2023-06-01', 'accepted'],
  ['P0', 'homeModification', '2024-01-10', '2024-05-20', 'accepted'],
  ['P2', 'homeModification', '2022-05-01', '2022-10-10', 'accepted'],
  ['P5', 'homeModification', '2025-03-01', null, 'works'],
];

type Answers = Record<string, number | string>;
const surveys: [string, number, Answers, string?][] = [
  [
    'P0',
    2025,
    {
      rehab_need: 1,
      rehab_received: 1,
      device_need: 1,
      device_fitted: 0,
      medical: 'resident',
      pension: 'residentScheme',
      income_per_capita_fen: 110_000,
    },
  ],
  ['P0', 2024, { income_per_capita_fen: 100_000 }],
  ['P12', 2025, { rehab_need: 1, rehab_received: 0, medical: 'resident', pension: 'residentScheme', income_per_capita_fen: 110_000 }],
  ['P12', 2024, { income_per_capita_fen: 100_000 }],
  ['P1', 2025, { rehab_need: 1, rehab_received: 0, medical: 'none', pension: 'none', income_per_capita_fen: 82_000 }],
  ['P1', 2024, { income_per_capita_fen: 80_000 }],
  ['P3', 2025, { rehab_need: 1, rehab_received: 0 }],
  ['P4', 2025, { rehab_need: 1, rehab_received: 0, medical: 'resident', schooling: 'notApplicable' }],
  ['P5', 2025, { device_need: 1, device_fitted: 0, medical: 'resident', schooling: 'mainstream', home_mod_need: 1 }],
  ['P6', 2025, { device_need: 1, device_fitted: 0, schooling: 'notEnrolled' }],
  ['P7', 2025, { rehab_need: 1, rehab_received: 0, medical: 'employee', pension: 'drawing' }, '2025-10-01'],
  ['P7', 2025, { rehab_need: 1, rehab_received: 1, medical: 'employee', pension: 'drawing', training_completed: 1 }],
  ['P8', 2025, { rehab_need: 1, rehab_received: 0 }],
  ['P10', 2025, { device_need: 1, device_fitted: 1, medical: 'resident', pension: 'employee' }],
  ['P13', 2025, { medical: 'resident', schooling: 'special' }],
];
