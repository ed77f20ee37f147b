import { PassThrough } from 'node:stream';
import type { Database } from '../../db/connect.ts';
import { programNames } from '../../domain/policy/evaluate.ts';
import { auditRead } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import { writeTable } from '../files/write-table.ts';
import { type GapItem, type GapQuery, gapItems } from './gaps.ts';
import { loadParamSet } from './param-store.ts';
import { assertBenefit } from './permissions.ts';

const kindNames = { eligibleNotReceiving: '应享未享', receivingNotEligible: '不应享而享' } as const;

/** A gap list page: the first `limit` items and the total, masked and audited. */
export async function listGaps(database: Database, scope: Scope, q: GapQuery & { limit: number }) {
  assertBenefit(scope, 'benefit.read');
  const params = await loadParamSet(database);
  const items: GapItem[] = [];
  let total = 0;
  for await (const chunk of gapItems(database, scope, q, params)) {
    total += chunk.length;
    for (const item of chunk) if (items.length < q.limit) items.push(item);
  }
  await auditRead(database, scope, { action: 'benefit.gaps', targetType: 'benefitGap', outcome: 'success', details: { ...q, total } });
  return { date: q.date, program: q.program ?? null, kind: q.kind ?? null, org: q.org ?? null, total, items };
}

/** The gap list as an .xlsx stream (masked ID numbers), audited as an export. */
export async function exportGaps(database: Database, scope: Scope, q: GapQuery): Promise<NodeJS.ReadableStream> {
  assertBenefit(scope, 'benefit.export');
  const params = await loadParamSet(database);
  await auditRead(database, scope, { action: 'benefit.gaps.export', targetType: 'benefitGap', outcome: 'success', details: { ...q } });
  const out = new PassThrough();
  const headers = ['名单', '项目', '姓名', '公民身份号码', '镇', '村(社区)', '标准(元/月)', '已发(元/月)', '原因'];
  async function* rows() {
    for await (const chunk of gapItems(database, scope, q, params)) {
      for (const i of chunk) {
        yield [
          kindNames[i.kind],
          programNames[i.program],
          i.name,
          i.idNumber ?? '',
          i.town,
          i.village ?? '',
          money(i.monthlyAmount),
          money(i.receivedAmount),
          i.summary,
        ];
      }
    }
  }
  writeTable(out, 'xlsx', headers, rows()).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

function money(fen: number | null): string {
  return fen === null ? '' : (fen / 100).toFixed(2);
}
