import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/connect.ts';
import { availableEngines } from '../../../db/test-db.ts';
import { systemScope } from '../../access/scope.ts';
import { runBenefitReview } from '../../benefits/review-job.ts';
import { fixtureOrgs } from '../../indicators/test-fixture.ts';
import { importDeaths } from '../deaths/import-deaths.ts';
import { compareEnrolmentList } from './compare-enrolments.ts';
import { csvWriter, openFixtureDatabase } from '../test-setup.ts';
import { importEnrolmentList } from './import-enrolment-list.ts';

const csv = csvWriter('sdpf-lists-');
const unknownId = '110101199003074477';

describe.each(await availableEngines())('department lists compared with the registry on %s', (engine) => {
  let database: Database;
  let ids: Record<string, number>;
  let idn: Record<string, string>;
  const scope = systemScope('test');
  const asOf = '2026-11-29';

  beforeAll(async () => {
    ({ database, ids, idNumbers: idn } = await openFixtureDatabase(engine));
  });
  afterAll(async () => {
    await database.close();
  });

  const nursingList = (withUnknown: boolean) =>
    csv(`nursing-${withUnknown}.csv`, [
      '公民身份号码,开始日期,结束日期,金额',
      `${idn.P0},2021-01-01,,`,
      `${idn.P3},2025-08-01,2026-10-31,`,
      `${idn.P10},2021-01-01,2025-12-31,`,
      `${idn.P11},2026-01-01,,300`,
      `${idn.P2},2021-01-01,,`,
      `${idn.P8},2026-01-01,,`,
      `${idn.P9},2026-01-01,,`,
      `${idn.P7},2026-01-01,,`,
      ...(withUnknown ? [`${unknownId},2026-01-01,,`] : []),
    ]);
  const enrolmentCount = () =>
    database.db
      .selectFrom('enrolment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it('groups each row (new, ended, changed, unchanged, unknown) and finds every disagreement, writing nothing', async () => {
    const before = await enrolmentCount();
    const c = await compareEnrolmentList(database, scope, nursingList(true), {
      program: 'nursingSubsidy',
      asOf,
      completeFor: fixtureOrgs.shijiao,
    });
    expect(c.items.map((i) => [i.row, i.kind])).toEqual([
      [2, 'unchanged'],
      [3, 'ended'],
      [4, 'changed'],
      [5, 'new'],
      [6, 'unchanged'],
      [7, 'new'],
      [8, 'new'],
      [9, 'new'],
      [10, 'unknown'],
    ]);
    expect(c.items[1]?.before).toEqual({ endDate: null, monthlyAmountFen: null });
    expect(c.items[3]).toMatchObject({ personId: ids.P11, monthlyAmountFen: 30_000 });
    expect(c.items[8]?.idNumber).toMatch(/^110101\*{8}4477$/);
    expect(c.errors).toEqual([expect.objectContaining({ row: 10, code: 'PERSON_UNKNOWN' })]);
    expect(c.counts).toMatchObject({ new: 4, ended: 1, changed: 1, unchanged: 2, unknown: 1, disagreements: 6 });
    const found = c.disagreements.map((d) => [d.code, d.personId, d.row]);
    expect(found).toEqual(
      expect.arrayContaining([
        // P2 died 2025-06-30 and the list still pays: payment after death.
        ['PAID_AFTER_DEATH', ids.P2, 6],
        ['ACTIVE_AFTER_MOVE_OUT', ids.P9, 8],
        ['NOT_ELIGIBLE', ids.P8, 7],
        ['NOT_ELIGIBLE', ids.P7, 9],
        // P11 is in tekun support, which excludes the two subsidies.
        ['NOT_ELIGIBLE', ids.P11, 5],
        // P4 (石角镇) receives in the registry but the list, declared complete for 石角镇, leaves it out.
        ['MISSING_FROM_LIST', ids.P4, null],
      ]),
    );
    expect(found).toHaveLength(6);
    const deceased = c.disagreements.find((d) => d.code === 'PAID_AFTER_DEATH');
    expect(deceased?.date).toBe('2025-06-30');
    const p8 = c.disagreements.find((d) => d.personId === ids.P8);
    expect(p8?.reasons.map((r) => r.code)).toContain('CERTIFICATE_VALID');
    const p7 = c.disagreements.find((d) => d.personId === ids.P7);
    expect(p7?.reasons.map((r) => r.code)).toContain('LEVEL_SCOPE');
    expect(await enrolmentCount()).toBe(before);
    const notComplete = await compareEnrolmentList(database, scope, nursingList(true), { program: 'nursingSubsidy', asOf });
    expect(notComplete.disagreements.some((d) => d.code === 'MISSING_FROM_LIST')).toBe(false);
    await expect(
      compareEnrolmentList(database, scope, nursingList(true), { program: 'nursingSubsidy', asOf, completeFor: '441821100201' }),
    ).rejects.toMatchObject({
      code: 'ORG_UNKNOWN',
    });
  });

  it('commits all or nothing: refused while a person is unknown, then applied and audited with its counts', async () => {
    const before = await enrolmentCount();
    const refused = await importEnrolmentList(database, scope, nursingList(true), { program: 'nursingSubsidy', asOf, dryRun: false });
    expect(refused.committed).toBe(false);
    expect(await enrolmentCount()).toBe(before);
    const done = await importEnrolmentList(database, scope, nursingList(false), {
      program: 'nursingSubsidy',
      asOf,
      dryRun: false,
      fileName: 'nursing.csv',
    });
    expect(done).toMatchObject({ committed: true, counts: { new: 4, ended: 1, changed: 1, unchanged: 2, unknown: 0 } });
    expect(await enrolmentCount()).toBe(before + 4);
    const p3 = await database.db
      .selectFrom('enrolment')
      .select(['end_date', 'version'])
      .where('person_id', '=', ids.P3 as number)
      .where('program', '=', 'nursingSubsidy')
      .executeTakeFirstOrThrow();
    expect(p3).toEqual({ end_date: '2026-10-31', version: 2 });
    const audit = await database.db
      .selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'enrolment.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details_json as string)).toMatchObject({
      rows: 8,
      created: 4,
      updated: 2,
      unchanged: 2,
      ended: 1,
      disagreements: 5,
    });
    const again = await compareEnrolmentList(database, scope, nursingList(false), { program: 'nursingSubsidy', asOf });
    expect(again.counts).toMatchObject({ new: 0, ended: 0, changed: 0, unchanged: 8 });
  });

  const deathList = () =>
    csv('deaths.csv', [
      '公民身份号码,死亡日期',
      `${idn.P1},2026-10-01`,
      `${idn.P2},2025-06-30`,
      `${idn.P9},2026-01-01`,
      `${unknownId},2026-03-03`,
      `${idn.P12},2026-02-02`,
      `${idn.P13},2026年5月6日`,
    ]);

  it('compares a deaths list: alive persons to mark with what they receive, the deceased, the moved out, the unknown', async () => {
    await database.db
      .updateTable('person')
      .set({ status: 'deceased', deceased_on: '2026-05-01' })
      .where('id', '=', ids.P13 as number)
      .execute();
    const c = await importDeaths(database, scope, deathList(), { asOf, dryRun: true });
    expect(c.items.map((i) => [i.row, i.kind])).toEqual([
      [2, 'toMark'],
      [3, 'alreadyDeceased'],
      [5, 'unknown'],
      [6, 'toMark'],
      [7, 'alreadyDeceased'],
    ]);
    expect(c.items[0]?.receiving.map((r) => r.program)).toEqual(['homeModification']);
    expect(c.items[2]).toMatchObject({ code: 'PERSON_UNKNOWN', personId: null });
    expect(c.counts).toMatchObject({ toMark: 2, alreadyDeceased: 2, unknown: 1, receivingAfterDeath: 2 });
    expect(c.disagreements.map((d) => [d.code, d.personId])).toEqual(
      expect.arrayContaining([
        ['PAID_AFTER_DEATH', ids.P1],
        ['PAID_AFTER_DEATH', ids.P2],
        ['MOVED_OUT_IN_REGISTRY', ids.P9],
        ['DEATH_DATE_DIFFERS', ids.P13],
      ]),
    );
    const alive = await database.db
      .selectFrom('person')
      .select('status')
      .where('id', '=', ids.P1 as number)
      .executeTakeFirstOrThrow();
    expect(alive.status).toBe('active');
  });

  it('refuses a deaths list with a malformed row, then marks the listed living persons deceased through the registry', async () => {
    const bad = await importDeaths(
      database,
      scope,
      csv('bad-deaths.csv', ['公民身份号码,死亡日期', `${idn.P1},2026-10-01`, `${idn.P12},2030-01-01`]),
      {
        asOf,
      },
    );
    expect(bad.committed).toBe(false);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 3, column: '死亡日期', code: 'DATE_ORDER' })]);
    const done = await importDeaths(database, scope, deathList(), { asOf, fileName: 'deaths.csv' });
    expect(done.committed).toBe(true);
    const marked = await database.db
      .selectFrom('person')
      .select(['id', 'status', 'deceased_on', 'version'])
      .where('id', 'in', [ids.P1 as number, ids.P12 as number])
      .orderBy('id')
      .execute();
    expect(marked.map((p) => [p.status, p.deceased_on])).toEqual([
      ['deceased', '2026-10-01'],
      ['deceased', '2026-02-02'],
    ]);
    const history = await database.db
      .selectFrom('person_history')
      .select('action')
      .where('person_id', '=', ids.P1 as number)
      .execute();
    expect(history.map((h) => h.action)).toContain('markDeceased');
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['action', 'details_json'])
      .where('action', 'in', ['person.deceased', 'deaths.import'])
      .execute();
    expect(audits.filter((a) => a.action === 'person.deceased')).toHaveLength(2);
    expect(JSON.parse(audits.find((a) => a.action === 'deaths.import')?.details_json as string)).toMatchObject({
      rows: 6,
      toMark: 2,
      marked: 2,
    });
    // The stop review then finds the benefit still running after death, as for any deceased mark.
    const review = await runBenefitReview(database, scope, asOf, asOf);
    expect(review.opened).toBeGreaterThan(0);
    const task = await database.db
      .selectFrom('benefit_task' as never)
      .select(['person_id' as never])
      .where('person_id' as never, '=', ids.P1 as never)
      .execute();
    expect(task.length).toBeGreaterThan(0);
    const again = await importDeaths(database, scope, deathList(), { asOf, dryRun: true });
    expect(again.counts).toMatchObject({ toMark: 0, alreadyDeceased: 4 });
  });
});
