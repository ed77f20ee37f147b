import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type PersonDetail, PersonDetailSchema } from '../../contracts/persons.ts';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/test-db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { flushAudit } from '../access/audit.ts';
import { type Scope, systemScope } from '../access/scope.ts';
import { personDetailJson } from './detail-json.ts';
import { getPerson } from './read-service.ts';

const viaZod = (detail: Partial<PersonDetail>) => JSON.stringify(z.encode(PersonDetailSchema.partial(), detail));

describe('personDetailJson', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await loadDemo(database, { persons: 300, seed: 3, asOf: '2026-11-29' });
  });
  afterAll(async () => {
    await flushAudit(database);
    await database.close();
  });

  it('writes the same text as zod encode + JSON.stringify, for every demo person and role', async () => {
    const ids = (await database.db.selectFrom('person').select('id').orderBy('id').execute()).map((r) => r.id);
    const scopes: Scope[] = [
      { ...systemScope('json-test'), role: 'countyStaff', orgLevel: 'county', orgCode: '441821' },
      { ...systemScope('json-test'), role: 'departmentUser', orgLevel: 'county', orgCode: '441821' },
    ];
    let compared = 0;
    for (const scope of scopes) {
      for (const id of ids) {
        const detail = await getPerson(database, scope, id);
        expect(personDetailJson(detail)).toBe(viaZod(detail));
        compared++;
      }
    }
    expect(compared).toBe(600);
  });

  it('leaves out keys outside the schema and undefined values, at every level, like zod', () => {
    const detail = {
      id: 1,
      name: '张三 "引号" \\ 反斜杠',
      town: '441821100',
      townName: '石角镇',
      extra: 'not in the schema',
      phone: undefined,
      guardianPhone: null,
      householdMembers: [{ id: 2, name: '李四', secret: 'x' }],
      certificates: [
        {
          certificateNumber: '4418211990******1X11',
          category: 'physical',
          level: 1,
          issuedOn: null,
          validUntil: '2030-01-01',
          effectiveFrom: '2020-01-01',
          endedOn: null,
          endReason: null,
          internal: 1,
        },
      ],
    } as unknown as Partial<PersonDetail>;
    expect(personDetailJson(detail)).toBe(viaZod(detail));
    expect(personDetailJson(detail)).not.toContain('secret');
    expect(personDetailJson(detail)).not.toContain('extra');
  });
});
