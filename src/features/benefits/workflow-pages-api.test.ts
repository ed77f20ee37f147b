import { describe, expect, it } from 'vitest';
import { availableEngines } from '../../db/test-db.ts';
import { benefitsSuite } from './test-setup.ts';

// What the web pages need beyond the workflow itself: application paging and town filter, who applied, assignees.
describe.each(await availableEngines())('benefits page helpers on %s', (engine) => {
  const fx = benefitsSuite(engine);
  const { call } = fx;

  it('pages applications newest first, filters by town and names who applied', async () => {
    const [p0, p1, , p3, p4] = fx.ids as [number, number, number, number, number];
    for (const [personId, program] of [
      [p0, 'livingSubsidy'],
      [p1, 'freeBusTravel'],
      [p3, 'freeBusTravel'],
      [p4, 'freeBusTravel'],
    ] as const) {
      const res = await call('countyStaff', 'POST', '/api/v1/benefits/applications', { personId, program, appliedOn: '2026-11-10' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().createdBy).toBe(fx.users.get('countyStaff'));
    }
    const first = await call('countyStaff', 'GET', '/api/v1/benefits/applications?limit=3');
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: { id: number; personId: number; town: string }[]; nextCursor: number | null };
    expect(page1.items).toHaveLength(3);
    expect(page1.items.map((i) => i.personId)).toEqual([p4, p3, p1]);
    expect(page1.nextCursor).toBe(page1.items[2]?.id);
    const page2 = (await call('countyStaff', 'GET', `/api/v1/benefits/applications?limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { personId: number }) => i.personId)).toEqual([p0]);
    expect(page2.nextCursor).toBeNull();
    const town = (await call('countyStaff', 'GET', '/api/v1/benefits/applications?town=441821100')).json();
    expect(town.items.length).toBeGreaterThan(0);
    expect(town.items.every((i: { town: string }) => i.town === '441821100')).toBe(true);
    expect(town.items.length).toBeLessThan(4);
  });

  it('lists the workers a town task may be assigned to, within the caller scope', async () => {
    const res = await call('countyStaff', 'GET', '/api/v1/benefits/assignees?town=441821100');
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json().items as { username: string; role: string }[]).map((u) => u.username);
    expect(names).toContain(fx.users.get('townStaff'));
    expect(names).toContain(fx.users.get('countyStaff'));
    expect(names).not.toContain(fx.users.get('villageWorker'));
    expect(names).not.toContain(fx.users.get('auditor'));
    expect((await call('townStaff', 'GET', '/api/v1/benefits/assignees?town=441821100')).statusCode).toBe(200);
    expect((await call('townStaff', 'GET', '/api/v1/benefits/assignees?town=441821101')).statusCode).toBe(404);
    expect((await call('villageWorker', 'GET', '/api/v1/benefits/assignees?town=441821100')).statusCode).toBe(403);
  });
});
