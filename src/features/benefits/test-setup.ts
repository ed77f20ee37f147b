import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { personFileColumns, type PersonFileKey } from '../../contracts/person-file.ts';
import type { Database, Engine } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/test-db.ts';
import { buildApp } from '../../server/app.ts';
import type { Role } from '../access/roles.ts';
import { systemScope } from '../access/scope.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../access/test-helpers.ts';
import { importRecords } from '../registry/import/import-persons.ts';
import { addTestVillage, buildPersonRow, testIdNumber } from '../registry/test-factory.ts';

/** The benefits fixture: six persons (even i in 石角镇, odd in 水头镇, all level-2 physical, valid to 2030). */
export type BenefitsFixture = {
  app: FastifyInstance;
  ids: number[];
  headers: Map<Role, SignedInHeaders>;
  users: Map<Role, string>;
};

/** Enrolment rows for tests (the services engineer's import owns real department lists). */
export async function addEnrolment(
  database: Database,
  personId: number,
  program: string,
  startDate: string,
  endDate: string | null = null,
  amount: number | null = null,
) {
  await database.db
    .insertInto('enrolment')
    .values({
      person_id: personId,
      program,
      start_date: startDate,
      end_date: endDate,
      monthly_amount_fen: amount,
      source: 'test',
      recorded_at: '2026-01-01T00:00:00Z',
      recorded_by: 'test',
    })
    .execute();
}

/**
 * Persons and enrolments: 0 (石角) in dibao, not receiving the living subsidy → eligibleNotReceiving;
 * 1 (水头) receives the living subsidy without dibao → receivingNotEligible; 2 (石角) died in 2026 while the
 * nursing subsidy is paid → receivingNotEligible; 3 (水头) receives the nursing subsidy rightly.
 */
export async function setUpBenefitsFixture(database: Database): Promise<BenefitsFixture> {
  await addTestVillage(database);
  const present = new Set<PersonFileKey>(personFileColumns.map((c) => c.key));
  const records = [0, 1, 2, 3, 4, 5].map((i) => ({ rowNumber: i + 2, record: buildPersonRow(i, { certificateValidUntil: '2030-03-14' }) }));
  await importRecords(database, systemScope('test'), { headerProblems: [], present, records }, { asOf: '2026-11-29' });
  const rows = await database.db.selectFrom('person').select(['id', 'id_number']).execute();
  const ids = [0, 1, 2, 3, 4, 5].map((i) => rows.find((r) => r.id_number === testIdNumber(i))?.id ?? 0);
  const [p0, p1, p2, p3] = ids as [number, number, number, number];
  await addEnrolment(database, p0, 'dibao', '2024-01-01');
  await addEnrolment(database, p1, 'livingSubsidy', '2025-01-01', null, 20_900);
  await addEnrolment(database, p2, 'nursingSubsidy', '2025-01-01', null, 28_000);
  await addEnrolment(database, p3, 'nursingSubsidy', '2025-01-01', null, 28_000);
  await database.db.updateTable('person').set({ deceased_on: '2026-06-01', status: 'deceased' }).where('id', '=', p2).execute();
  const app = await buildApp({ database });
  const headers = new Map<Role, SignedInHeaders>();
  const users = new Map<Role, string>();
  for (const role of ['countyAdmin', 'countyStaff', 'townStaff', 'villageWorker', 'departmentUser', 'auditor'] as Role[]) {
    const user = await createTestUser(database, { role, ...(role === 'villageWorker' ? { org: '441821100201' } : {}) });
    users.set(role, user.username);
    headers.set(role, await signIn(app, user.username, user.password));
  }
  return { app, ids, headers, users };
}

/** The benefits fixture in its own database, and a request sent as one of the fixture's users. */
export type BenefitsSuite = BenefitsFixture & {
  database: Database;
  call(role: Role, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<LightMyRequestResponse>;
};

/**
 * For a describe block: a fresh database of the engine with the benefits fixture before its tests, closed after them.
 * The fields are filled in before the first test; `call` may be taken at once.
 */
export function benefitsSuite(engine: Engine): BenefitsSuite {
  const suite = {
    call: (role, method, url, payload) =>
      suite.app.inject({ method, url, headers: suite.headers.get(role), ...(payload ? { payload } : {}) }),
  } as BenefitsSuite;
  beforeAll(async () => {
    const database = await createTestDatabase(engine);
    Object.assign(suite, { database }, await setUpBenefitsFixture(database));
  });
  afterAll(async () => {
    await suite.app.close();
    await suite.database.close();
  });
  return suite;
}
