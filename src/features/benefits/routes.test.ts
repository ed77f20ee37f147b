import { describe, expect, it } from 'vitest';
import { availableEngines } from '../../db/test-db.ts';
import type { Role } from '../access/roles.ts';
import { flushAudit } from '../access/audit.ts';
import { benefitsSuite } from './test-setup.ts';

const fullId = /(?<!\d)\d{17}[\dX](?!\d)/;
const date = '2026-11-29';

describe.each(await availableEngines())('benefits endpoints on %s', (engine) => {
  const fx = benefitsSuite(engine);
  const { call } = fx;
  const gaps = async (role: Role, program: string, kind: string) => {
    const res = await call(role, 'GET', `/api/v1/benefits/gaps?program=${program}&kind=${kind}&date=${date}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(fullId);
    return res.json() as {
      total: number;
      items: { personId: number; town: string; reasons: { code: string; held: boolean; info: boolean }[]; summary: string }[];
    };
  };

  it('lists parameters with their sourced history to every staff role; only the county admin adds values', async () => {
    const res = await call('departmentUser', 'GET', '/api/v1/policy/parameters');
    expect(res.statusCode).toBe(200);
    const living = res.json().items.find((p: { id: string }) => p.id === 'livingSubsidy.monthlyAmount');
    expect(living.history.map((e: { from: string; value: number }) => [e.from, e.value])).toEqual([
      ['2020-01-01', 17500],
      ['2021-01-01', 18100],
      ['2025-01-01', 20900],
      ['2026-01-01', 21700],
    ]);
    const body = { from: '2026-01-01', value: 90_000, source: '清远市民政局2026年低保标准（测试）' };
    expect((await call('countyStaff', 'POST', '/api/v1/policy/parameters/dibao.standard.rural/values', body)).statusCode).toBe(403);
    expect(
      (await call('countyAdmin', 'POST', '/api/v1/policy/parameters/dibao.standard.rural/values', { ...body, value: 12.5 })).json().error
        .code,
    ).toBe('PARAM_VALUE_INVALID');
    expect((await call('countyAdmin', 'POST', '/api/v1/policy/parameters/nope/values', body)).statusCode).toBe(404);
    const added = await call('countyAdmin', 'POST', '/api/v1/policy/parameters/dibao.standard.rural/values', body);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().history).toEqual([{ from: '2026-01-01', value: 90_000, source: body.source }]);
    expect(added.json().entries[0].enteredBy).toBe(fx.users.get('countyAdmin'));
    const audit = await fx.database.db.selectFrom('audit_log').select('action').where('action', '=', 'policy.parameter.add').execute();
    expect(audit).toHaveLength(1);
  });

  it('gap lists name the right persons with the right reasons, scoped by town', async () => {
    const [p0, p1, p2] = fx.ids as [number, number, number];
    const missing = await gaps('countyStaff', 'livingSubsidy', 'eligibleNotReceiving');
    expect(missing.items.map((i) => i.personId)).toEqual([p0]);
    const wrong = await gaps('countyStaff', 'livingSubsidy', 'receivingNotEligible');
    expect(wrong.items.map((i) => i.personId)).toEqual([p1]);
    // The failed condition comes first among the non-held lines; info lines (amount notes) are flagged as such.
    expect(wrong.items[0]?.reasons.find((r) => !r.held && !r.info)?.code).toBe('HARDSHIP_HOUSEHOLD');
    expect(wrong.items[0]?.reasons.every((r) => typeof r.info === 'boolean')).toBe(true);
    expect(wrong.items[0]?.reasons.filter((r) => r.info).every((r) => r.code.endsWith('_AMOUNT') || r.code.startsWith('PRIORITY'))).toBe(
      true,
    );
    const dead = await gaps('countyStaff', 'nursingSubsidy', 'receivingNotEligible');
    expect(dead.items.map((i) => i.personId)).toEqual([p2]);
    expect(dead.items[0]?.summary).toContain('死亡');
    const town = await gaps('townStaff', 'livingSubsidy', 'receivingNotEligible');
    expect(town.total).toBe(0);
    expect((await gaps('townStaff', 'nursingSubsidy', 'eligibleNotReceiving')).items.every((i) => i.town === '441821100')).toBe(true);
    expect((await call('departmentUser', 'GET', `/api/v1/benefits/gaps?date=${date}`)).statusCode).toBe(403);
  });

  it('exports a gap list as .xlsx and audits it', async () => {
    const res = await call('townStaff', 'GET', `/api/v1/benefits/gaps/export?program=nursingSubsidy&date=${date}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    await flushAudit(fx.database);
    expect(await fx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'benefit.gaps.export').execute()).toHaveLength(1);
    expect((await call('auditor', 'GET', `/api/v1/benefits/gaps/export?date=${date}`)).statusCode).toBe(403);
  });

  it('runs the application workflow by role and scope; approval removes the person from eligibleNotReceiving', async () => {
    const [p0, p1] = fx.ids as [number, number];
    expect(
      (
        await call('townStaff', 'POST', '/api/v1/benefits/applications', {
          personId: p1,
          program: 'livingSubsidy',
          appliedOn: '2026-11-10',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('villageWorker', 'POST', '/api/v1/benefits/applications', {
          personId: p0,
          program: 'livingSubsidy',
          appliedOn: '2026-11-10',
        })
      ).statusCode,
    ).toBe(403);
    const created = await call('townStaff', 'POST', '/api/v1/benefits/applications', {
      personId: p0,
      program: 'livingSubsidy',
      appliedOn: '2026-11-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const app = created.json();
    expect(app).toMatchObject({ status: 'submitted', step: 'townReview', dueOn: '2026-11-24', version: 1 });
    expect(created.body).not.toMatch(fullId);
    expect(
      (
        await call('townStaff', 'POST', '/api/v1/benefits/applications', {
          personId: p0,
          program: 'livingSubsidy',
          appliedOn: '2026-11-11',
        })
      ).json().error.code,
    ).toBe('APPLICATION_OPEN');
    expect(
      (await call('townStaff', 'POST', `/api/v1/benefits/applications/${app.id}/town-review`, { version: 1, approve: false })).json().error
        .code,
    ).toBe('REJECTION_REASON_REQUIRED');
    expect(
      (await call('townStaff', 'POST', `/api/v1/benefits/applications/${app.id}/town-review`, { version: 9, approve: true })).statusCode,
    ).toBe(409);
    const reviewed = await call('townStaff', 'POST', `/api/v1/benefits/applications/${app.id}/town-review`, { version: 1, approve: true });
    expect(reviewed.json()).toMatchObject({ status: 'townReviewed', step: 'countyApproval', version: 2 });
    expect(
      (await call('townStaff', 'POST', `/api/v1/benefits/applications/${app.id}/county-approval`, { version: 2, approve: true }))
        .statusCode,
    ).toBe(403);
    const approved = await call('countyStaff', 'POST', `/api/v1/benefits/applications/${app.id}/county-approval`, {
      version: 2,
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(201 === approved.statusCode ? 201 : 200);
    expect(approved.json()).toMatchObject({ status: 'approved', paymentFrom: '2026-11-01', monthlyAmount: 21_700, version: 3 });
    expect(approved.json().noticeEndsOn > date).toBe(true);
    const enrolment = await fx.database.db
      .selectFrom('enrolment')
      .selectAll()
      .where('id', '=', approved.json().enrolmentId)
      .executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ person_id: p0, program: 'livingSubsidy', start_date: '2026-11-01', source: `application:${app.id}` });
    expect((await gaps('countyStaff', 'livingSubsidy', 'eligibleNotReceiving')).items.map((i) => i.personId)).not.toContain(p0);
    const actions = await fx.database.db.selectFrom('audit_log').select('action').where('target_type', '=', 'benefitApplication').execute();
    expect(actions.map((a) => a.action)).toEqual(['benefit.apply', 'benefit.townReview', 'benefit.approve']);
  });

  it('rejects with a reason at the town', async () => {
    const p4 = fx.ids[4] as number;
    const created = (
      await call('countyStaff', 'POST', '/api/v1/benefits/applications', {
        personId: p4,
        program: 'livingSubsidy',
        appliedOn: '2026-11-12',
      })
    ).json();
    expect(created.decision.eligible).toBe(false);
    const rejected = await call('townStaff', 'POST', `/api/v1/benefits/applications/${created.id}/town-review`, {
      version: 1,
      approve: false,
      reason: '家庭不在低保范围',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '家庭不在低保范围' });
  });

  it('the review job opens stop-review tasks once, scoped lists, assignment with versions', async () => {
    expect((await call('townStaff', 'POST', '/api/v1/benefits/review', { date })).statusCode).toBe(403);
    const first = await call('countyStaff', 'POST', '/api/v1/benefits/review', { date });
    expect(first.json()).toMatchObject({ notEligible: 2, opened: 2 });
    expect((await call('countyStaff', 'POST', '/api/v1/benefits/review', { date })).json()).toMatchObject({ opened: 0, alreadyOpen: 2 });
    const townTasks = (await call('townStaff', 'GET', '/api/v1/benefits/tasks?status=open')).json().items;
    expect(townTasks.map((t: { personId: number }) => t.personId)).toEqual([fx.ids[2]]);
    expect(townTasks[0]).toMatchObject({ kind: 'stopReview', program: 'nursingSubsidy', reasonCode: 'ALIVE' });
    const all = (await call('countyStaff', 'GET', '/api/v1/benefits/tasks?status=open')).json().items;
    const other = all.find((t: { personId: number }) => t.personId === fx.ids[1]);
    expect((await call('townStaff', 'PATCH', `/api/v1/benefits/tasks/${other.id}`, { version: 1, status: 'done' })).statusCode).toBe(404);
    const t = townTasks[0];
    const assigned = await call('townStaff', 'PATCH', `/api/v1/benefits/tasks/${t.id}`, {
      version: 1,
      assignedTo: fx.users.get('townStaff'),
    });
    expect(assigned.json()).toEqual({ id: t.id, version: 2 });
    // "Mine" is filtered by the server: the town worker's assigned task only, nobody else's.
    const mine = (await call('townStaff', 'GET', '/api/v1/benefits/tasks?assignee=me')).json().items;
    expect(mine.map((m: { id: number }) => m.id)).toEqual([t.id]);
    expect((await call('countyStaff', 'GET', '/api/v1/benefits/tasks?assignee=me')).json().items).toEqual([]);
    expect((await call('townStaff', 'GET', '/api/v1/benefits/tasks?assignee=someone')).statusCode).toBe(400);
    expect((await call('townStaff', 'PATCH', `/api/v1/benefits/tasks/${t.id}`, { version: 1, status: 'done' })).statusCode).toBe(409);
    const gapTasks = await call('countyStaff', 'POST', '/api/v1/benefits/gaps/tasks', {
      program: 'nursingSubsidy',
      kind: 'eligibleNotReceiving',
      date,
    });
    expect(gapTasks.json().opened).toBe(gapTasks.json().found);
  });

  it('builds, freezes, exports and compares payment rolls; a stop review suspends payment', async () => {
    const [p0, p1] = fx.ids as [number, number];
    const account = await call('townStaff', 'PUT', `/api/v1/benefits/persons/${p0}/payment-account`, {
      bankName: '佛冈农商银行',
      accountNumber: '6230000012345678',
      accountHolder: '测试',
    });
    expect(account.json()).toMatchObject({ accountNumber: '****5678', version: 1 });
    expect((await call('countyStaff', 'POST', '/api/v1/benefits/rolls', { program: 'livingSubsidy', month: '2026-10' })).statusCode).toBe(
      201,
    );
    const roll = await call('countyStaff', 'POST', '/api/v1/benefits/rolls', { program: 'livingSubsidy', month: '2026-11' });
    expect(roll.json()).toMatchObject({ persons: 1, totalFen: 21_700 });
    const detail = (await call('countyStaff', 'GET', `/api/v1/benefits/rolls/${roll.json().id}`)).json();
    expect(detail.lines).toEqual([expect.objectContaining({ personId: p0, amountFen: 21_700, bankAccount: '****5678' })]);
    expect(detail.lines.map((l: { personId: number }) => l.personId)).not.toContain(p1);
    const diff = (await call('countyStaff', 'GET', '/api/v1/benefits/rolls/compare?program=livingSubsidy&from=2026-10&to=2026-11')).json();
    expect(diff.added.map((a: { personId: number }) => a.personId)).toEqual([p0]);
    expect((await call('countyStaff', 'POST', `/api/v1/benefits/rolls/${detail.id}/approve`, { version: detail.version })).statusCode).toBe(
      403,
    );
    expect(
      (await call('countyAdmin', 'POST', `/api/v1/benefits/rolls/${detail.id}/approve`, { version: detail.version })).json().status,
    ).toBe('approved');
    expect(
      (await call('countyStaff', 'POST', '/api/v1/benefits/rolls', { program: 'livingSubsidy', month: '2026-11' })).json().error.code,
    ).toBe('ROLL_FROZEN');
    const file = await call('countyStaff', 'GET', `/api/v1/benefits/rolls/${detail.id}/export`);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('simulates a wider nursing scope and a higher amount through the same rules', async () => {
    const res = await call('countyStaff', 'POST', '/api/v1/benefits/simulate', {
      date,
      programs: ['nursingSubsidy'],
      overrides: { 'nursingSubsidy.monthlyAmount': [{ from: '2026-07-01', value: 30_000 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const alive = res.json().total.basePersons;
    expect(alive).toBe(5);
    expect(res.json().total).toMatchObject({ morePersons: 0, moreAnnualFen: alive * (30_000 - 29_000) * 12 });
    expect((await call('townStaff', 'POST', '/api/v1/benefits/simulate', { date, overrides: {} })).statusCode).toBe(403);
  });

  it("shows one person's decisions with reasons, 404 out of scope", async () => {
    const [p0, p1] = fx.ids as [number, number];
    const res = await call('townStaff', 'GET', `/api/v1/benefits/persons/${p0}/decisions?date=${date}`);
    expect(res.json().decisions.find((d: { program: string }) => d.program === 'livingSubsidy')).toMatchObject({
      eligible: true,
      receiving: true,
      monthlyAmount: 21_700,
    });
    expect((await call('townStaff', 'GET', `/api/v1/benefits/persons/${p1}/decisions?date=${date}`)).statusCode).toBe(404);
  });
});
