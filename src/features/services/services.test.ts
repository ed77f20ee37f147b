import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { availableEngines } from '../../db/test-db.ts';
import { systemScope } from '../access/scope.ts';
import { importEnrolments } from './enrolments/import-enrolments.ts';
import { activeEnrolments, addEnrolment, changeEnrolment } from './enrolments/service.ts';
import { importSurvey } from './survey/import-survey.ts';
import { csvWriter, openFixtureDatabase } from './test-setup.ts';

const csv = csvWriter('sdpf-services-');

describe.each(await availableEngines())('survey and enrolment imports on %s', (engine) => {
  let database: Database;
  let ids: Record<string, number>;
  let idNumbers: Record<string, string>;
  const scope = systemScope('test');
  const asOf = '2026-11-29';

  beforeAll(async () => {
    ({ database, ids, idNumbers } = await openFixtureDatabase(engine));
  });
  afterAll(async () => {
    await database.close();
  });

  const surveyCount = () =>
    database.db
      .selectFrom('needs_survey')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it('rejects a survey file with any invalid row and writes nothing, naming row, column and code', async () => {
    const before = await surveyCount();
    const file = csv('bad-survey.csv', [
      '年度,公民身份号码,康复需求,养老保险,家庭人均月收入',
      `2026,${idNumbers.P1},是,城乡居民,900`,
      `2026,441821199001011235,是,城乡居民,900`,
      `2026,${idNumbers.P5},也许,城乡居民,900`,
      `2030,${idNumbers.P6},否,无,abc`,
    ]);
    const report = await importSurvey(database, scope, file, { asOf });
    expect(report).toMatchObject({ rows: 4, valid: 1, invalid: 3, committed: false });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual(
      expect.arrayContaining([
        [3, '公民身份号码', 'ID_CHECKSUM'],
        [4, '康复需求', 'SURVEY_VALUE_INVALID'],
        [5, '年度', 'YEAR_INVALID'],
        [5, '养老保险', 'SURVEY_VALUE_INVALID'],
        [5, '家庭人均月收入', 'AMOUNT_INVALID'],
      ]),
    );
    expect(await surveyCount()).toBe(before);
    const unknown = await importSurvey(database, scope, csv('unknown.csv', ['年度,公民身份号码', '2026,110101199003074477']), { asOf });
    expect(unknown.errors[0]).toMatchObject({ row: 2, code: 'PERSON_UNKNOWN' });
  });

  it('imports, keeps an earlier row of the same person and year as history, and changes nothing on re-import', async () => {
    const file = csv('survey.csv', [
      'year,idNumber,rehabNeed,rehabReceived,medical',
      `2026,${idNumbers.P1},是,否,未参保`,
      `2026,${idNumbers.P1},是,是,城乡居民`,
      `2026,${idNumbers.P3},否,否,职工`,
    ]);
    const dry = await importSurvey(database, scope, file, { asOf, dryRun: true });
    expect(dry).toMatchObject({ committed: false, created: 2, superseded: 1 });
    const first = await importSurvey(database, scope, file, { asOf });
    expect(first).toMatchObject({ rows: 3, valid: 3, created: 2, updated: 0, unchanged: 0, superseded: 1, committed: true });
    const p1 = await database.db
      .selectFrom('needs_survey')
      .selectAll()
      .where('person_id', '=', ids.P1 as number)
      .where('year', '=', 2026)
      .orderBy('id')
      .execute();
    expect(p1.map((r) => [r.rehab_received, r.medical, r.superseded_at === null])).toEqual([
      [0, 'none', false],
      [1, 'resident', true],
    ]);
    const again = await importSurvey(database, scope, file, { asOf });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, committed: true });
    const fix = await importSurvey(database, scope, csv('fix.csv', ['年度,公民身份号码,获得康复服务', `2026,${idNumbers.P3},是`]), {
      asOf,
    });
    expect(fix).toMatchObject({ updated: 1 });
    const p3 = await database.db
      .selectFrom('needs_survey')
      .selectAll()
      .where('person_id', '=', ids.P3 as number)
      .where('year', '=', 2026)
      .where('superseded_at', 'is', null)
      .executeTakeFirstOrThrow();
    // Absent columns keep the stored answers.
    expect([p3.rehab_need, p3.rehab_received, p3.medical]).toEqual([0, 1, 'employee']);
  });

  it('imports an enrolment list: unknown persons rejected, re-import unchanged, left-out ongoing rows reported not ended', async () => {
    const bad = await importEnrolments(
      database,
      scope,
      csv('bad-enrol.csv', [
        '公民身份号码,开始日期,结束日期,金额',
        `${idNumbers.P1},2026-01-01,,243`,
        '110101199003074477,2026-01-01,,243',
      ]),
      { program: 'nursingSubsidy', asOf },
    );
    expect(bad).toMatchObject({ invalid: 1, committed: false });
    expect(bad.errors).toEqual([expect.objectContaining({ row: 3, column: '公民身份号码', code: 'PERSON_UNKNOWN' })]);
    const file = csv('nursing.csv', [
      '公民身份号码,开始日期,结束日期,金额',
      `${idNumbers.P1},2026-01-01,,243`,
      `${idNumbers.P0},2021-01-01,,243`,
    ]);
    const first = await importEnrolments(database, scope, file, { program: 'nursingSubsidy', asOf });
    expect(first).toMatchObject({ created: 1, updated: 1, unchanged: 0, committed: true });
    // P3 and P4 are receiving in the stored data but not on this list: reported, still ongoing.
    expect(first.notInList.map((n) => n.personId).sort()).toEqual([ids.P2, ids.P3, ids.P4].sort());
    expect(first.notInList[0]?.idNumber).toMatch(/\*{8}/);
    const again = await importEnrolments(database, scope, file, { program: 'nursingSubsidy', asOf });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const active = await activeEnrolments(database.db, 'nursingSubsidy', '2026-06-30');
    expect(active.map((e) => e.personId)).toEqual(expect.arrayContaining([ids.P0, ids.P1, ids.P3, ids.P4]));
    expect(active.find((e) => e.personId === ids.P1)?.monthlyAmountFen).toBe(24_300);
  });

  it('offers a version-checked enrolment service to other features', async () => {
    const id = await database.db
      .transaction()
      .execute((trx) =>
        addEnrolment(
          trx,
          { personId: ids.P5 as number, program: 'childRehabAid', startDate: '2026-01-01', endDate: null, monthlyAmountFen: null },
          { actor: 't', now: 'now', source: 'application' },
        ),
      );
    const v2 = await changeEnrolment(database.db, id, 1, { endDate: '2026-06-30' }, { actor: 't', now: 'now', source: 'application' });
    expect(v2).toBe(2);
    await expect(
      changeEnrolment(database.db, id, 1, { endDate: '2026-07-31' }, { actor: 't', now: 'now', source: 'x' }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await activeEnrolments(database.db, 'childRehabAid', '2026-07-01', { personIds: [ids.P5 as number] })).toEqual([]);
  });
});
