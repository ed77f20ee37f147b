import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/connect.ts';
import { availableEngines } from '../../../db/test-db.ts';
import { buildApp } from '../../../server/app.ts';
import type { Role } from '../../access/roles.ts';
import { type SignedInHeaders, createTestUser, signIn } from '../../access/test-helpers.ts';
import { fixtureOrgs } from '../../indicators/test-fixture.ts';
import { openFixtureDatabase } from '../test-setup.ts';

describe.each(await availableEngines())('department-list endpoints on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let idn: Record<string, string>;
  let ids: Record<string, number>;
  const headers = new Map<string, SignedInHeaders>();

  beforeAll(async () => {
    ({ database, ids, idNumbers: idn } = await openFixtureDatabase(engine));
    // Another county: its importer may import, but no fixture person is in its scope.
    await database.db
      .insertInto('org_unit')
      .values({ code: '441802', name: '清城区', level: 'county', parent_code: '441800', kind: null, demo: 0 })
      .execute();
    app = await buildApp({ database });
    const users: [string, Role, string | undefined][] = [
      ['county', 'countyStaff', undefined],
      ['village', 'villageWorker', fixtureOrgs.village],
      ['town', 'townStaff', fixtureOrgs.shijiao],
      ['otherCounty', 'countyStaff', '441802'],
    ];
    for (const [key, role, org] of users) {
      const user = await createTestUser(database, { role, org });
      headers.set(key, await signIn(app, user.username, user.password));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (who: string, url: string, lines: string[], name = 'list.csv') =>
    app.inject({
      method: 'POST',
      url,
      headers: { ...headers.get(who), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
      payload: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
    });
  const nursing = () => ['公民身份号码,开始日期,结束日期', `${idn.P2},2021-01-01,`, `${idn.P1},2026-01-01,`];

  it('compares an enrolment list (dry run by default), downloads it as .xlsx, then commits', async () => {
    const dry = await upload('county', '/api/v1/imports/enrolments?program=nursingSubsidy', nursing());
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json();
    expect(body).toMatchObject({ kind: 'enrolments', dryRun: true, committed: false, counts: { new: 1, unchanged: 1 } });
    expect(body.disagreements.map((d: { code: string }) => d.code)).toContain('PAID_AFTER_DEATH');
    expect(body.items[0].idNumber).toMatch(/\*{8}/);
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/comparisons/${body.comparisonId}/xlsx`,
      headers: headers.get('county'),
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const other = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/comparisons/${body.comparisonId}/xlsx`,
      headers: headers.get('otherCounty'),
    });
    expect(other.statusCode).toBe(404);
    const commit = await upload('county', '/api/v1/imports/enrolments?program=nursingSubsidy&dryRun=false', nursing());
    expect(commit.json()).toMatchObject({ committed: true, counts: { new: 1 } });
    const again = await upload('county', '/api/v1/imports/enrolments?program=nursingSubsidy', nursing());
    expect(again.json().counts).toMatchObject({ new: 0, unchanged: 2 });
  });

  it('refuses roles without person.import (403) and keeps a narrower scope to its own persons', async () => {
    for (const who of ['village', 'town']) {
      const res = await upload(who, '/api/v1/imports/enrolments?program=nursingSubsidy', nursing());
      expect(res.statusCode).toBe(403);
      expect((await upload(who, '/api/v1/imports/deaths', ['公民身份号码,死亡日期', `${idn.P1},2026-01-01`])).statusCode).toBe(403);
    }
    // Another county's importer: the fixture's persons are out of its scope (reported, no details); 石角镇 cannot be
    // declared complete; and a deaths list marks none of them.
    const res = await upload('otherCounty', '/api/v1/imports/enrolments?program=nursingSubsidy', nursing());
    expect(res.json().items.map((i: { kind: string; personId: number | null }) => [i.kind, i.personId])).toEqual([
      ['unknown', null],
      ['unknown', null],
    ]);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toEqual(['OUT_OF_SCOPE', 'OUT_OF_SCOPE']);
    const deaths = await upload('otherCounty', '/api/v1/imports/deaths?dryRun=false', ['公民身份号码,死亡日期', `${idn.P1},2026-01-01`]);
    expect(deaths.json()).toMatchObject({ committed: true, counts: { toMark: 0, unknown: 1 } });
    expect(deaths.json().items[0]).toMatchObject({ code: 'OUT_OF_SCOPE', personId: null });
    const p1 = await database.db
      .selectFrom('person')
      .select('status')
      .where('id', '=', ids.P1 as number)
      .executeTakeFirstOrThrow();
    expect(p1.status).toBe('active');
    const complete = await upload(
      'otherCounty',
      `/api/v1/imports/enrolments?program=nursingSubsidy&completeFor=${fixtureOrgs.shijiao}`,
      nursing(),
    );
    expect(complete.json().error.code).toBe('ORG_UNKNOWN');
    expect((await upload('county', '/api/v1/imports/enrolments?program=pony', nursing())).statusCode).toBe(400);
    expect((await upload('county', '/api/v1/imports/enrolments?program=dibao', nursing(), 'list.txt')).json().error.code).toBe('FILE_TYPE');
  });

  it('compares and commits a deaths list', async () => {
    const lines = ['公民身份号码,死亡日期', `${idn.P12},2026-02-02`, '110101199003074477,2026-01-01'];
    const dry = await upload('county', '/api/v1/imports/deaths', lines);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'deaths', committed: false, counts: { toMark: 1, unknown: 1 } });
    const commit = await upload('county', '/api/v1/imports/deaths?dryRun=false', lines);
    expect(commit.json()).toMatchObject({ committed: true });
    const p12 = await database.db
      .selectFrom('person')
      .select(['status', 'deceased_on'])
      .where('id', '=', ids.P12 as number)
      .executeTakeFirstOrThrow();
    expect(p12).toEqual({ status: 'deceased', deceased_on: '2026-02-02' });
  });
});
