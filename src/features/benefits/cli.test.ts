import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/test-db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadDemoServices } from '../demo/services/load-demo-services.ts';
import { systemScope } from '../access/scope.ts';
import { testIdNumber } from '../registry/test-factory.ts';
import { listGaps } from './gap-service.ts';
import { setUpBenefitsFixture } from './test-setup.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/smart-dpf.js');

describe('smart-dpf eligibility and benefits review (SQLite file)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const fx = await setUpBenefitsFixture(database);
    await fx.app.close();
  });
  afterAll(async () => database.close());
  const cli = (args: string[]) =>
    run('node', [bin, ...args], { env: { ...process.env, DATABASE_URL: database.label, SMART_DPF_TODAY: '2026-11-29' } });

  it('prints exactly the FORMATS.md §2 document', async () => {
    const { stdout } = await cli(['eligibility', '--date', '2026-11-29', '--person', testIdNumber(0), '--json']);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['date', 'decisions']);
    expect(doc.date).toBe('2026-11-29');
    expect(doc.decisions).toHaveLength(7);
    for (const d of doc.decisions) {
      expect(Object.keys(d)).toEqual(['idNumber', 'program', 'eligible', 'receiving', 'monthlyAmount', 'reasons']);
      for (const r of d.reasons) expect(Object.keys(r)).toEqual(['code', 'held', 'message', 'source']);
    }
    expect(doc.decisions.find((d: { program: string }) => d.program === 'livingSubsidy')).toMatchObject({
      idNumber: testIdNumber(0),
      eligible: true,
      receiving: false,
      monthlyAmount: 21_700,
    });
    const one = JSON.parse((await cli(['eligibility', '--date', '2026-11-29', '--program', 'nursingSubsidy', '--json'])).stdout);
    expect(one.decisions).toHaveLength(6);
    await expect(cli(['eligibility', '--date', '2026-13-01'])).rejects.toMatchObject({ code: 2 });
  });

  it('runs the review job from the command line', async () => {
    const { stdout } = await cli(['benefits', 'review', '--date', '2026-11-29', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ notEligible: 2, opened: 2 });
  });
});

describe('the demo county gives non-empty gap lists with the right reasons', () => {
  it('lists eligible-not-receiving and receiving-not-eligible persons for the two subsidies', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      await loadDemo(database, { persons: 3000, seed: 1, asOf: '2025-12-31' });
      await loadDemoServices(database, { seed: 1 });
      const scope = systemScope();
      for (const program of ['livingSubsidy', 'nursingSubsidy'] as const) {
        const missing = await listGaps(database, scope, { date: '2025-12-31', program, kind: 'eligibleNotReceiving', limit: 50 });
        const wrong = await listGaps(database, scope, { date: '2025-12-31', program, kind: 'receivingNotEligible', limit: 50 });
        expect(missing.total + wrong.total).toBeGreaterThan(0);
        for (const i of wrong.items) expect(i.reasons.some((r) => !r.held)).toBe(true);
        for (const i of missing.items) expect(i.reasons.every((r) => r.held || r.code === 'MONTHLY_AMOUNT')).toBe(true);
      }
    } finally {
      await database.close();
    }
  });
});
