import { describe, expect, it } from 'vitest';
import { availableEngines } from '../../db/test-db.ts';
import { benefitsSuite } from './test-setup.ts';

// The payment-roll page lists the rolls built so far (GET /api/v1/benefits/rolls).
describe.each(await availableEngines())('payment roll list on %s', (engine) => {
  const fx = benefitsSuite(engine);
  const { call } = fx;

  it('lists rolls newest month first with status and totals, filtered by programme', async () => {
    for (const [program, month] of [
      ['nursingSubsidy', '2025-12'],
      ['nursingSubsidy', '2026-01'],
      ['livingSubsidy', '2026-01'],
    ]) {
      expect((await call('countyStaff', 'POST', '/api/v1/benefits/rolls', { program, month })).statusCode).toBe(201);
    }
    const all = await call('townStaff', 'GET', '/api/v1/benefits/rolls');
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().items as { id: number; program: string; month: string; status: string; totalFen: number; version: number }[];
    expect(items.map((r) => [r.month, r.program])).toEqual([
      ['2026-01', 'livingSubsidy'],
      ['2026-01', 'nursingSubsidy'],
      ['2025-12', 'nursingSubsidy'],
    ]);
    // p2 and p3 are enrolled: a roll pays active enrolments (only an open stop review suspends a payment).
    const nursingJan = items[1];
    expect(nursingJan).toMatchObject({ status: 'draft', persons: 2, totalFen: 2 * 29_000, createdBy: fx.users.get('countyStaff') });
    await call('countyAdmin', 'POST', `/api/v1/benefits/rolls/${nursingJan?.id}/approve`, { version: nursingJan?.version });
    const nursing = (await call('countyStaff', 'GET', '/api/v1/benefits/rolls?program=nursingSubsidy')).json().items;
    expect(nursing.map((r: { month: string; status: string }) => [r.month, r.status])).toEqual([
      ['2026-01', 'approved'],
      ['2025-12', 'draft'],
    ]);
    expect(nursing[0].approvedBy).toBe(fx.users.get('countyAdmin'));
    expect((await call('countyStaff', 'GET', '/api/v1/benefits/rolls?program=dibao')).statusCode).toBe(400);
  });
});
