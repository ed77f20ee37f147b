import { categories } from '../../domain/disability/category.ts';
import type { Database } from '../../db/connect.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { recordAudit } from '../access/audit.ts';
import { assertCan, type Scope } from '../access/scope.ts';
import type { Cell } from '../files/table.ts';
import { writeTable } from '../files/write-table.ts';
import { runAnalytic } from './compute.ts';
import { gapCountSql, gapPageSql } from './gap-sql.ts';
import { gapTarget, presentGapPerson } from './gaps.ts';
import { evaluateIndicators } from './service.ts';

const categoryName = new Map<string, string>(categories.map((c) => [c.id, c.zh]));
const levelNames = ['一级', '二级', '三级', '四级'];

/** Writes an indicator's whole gap list as .xlsx (masked ID numbers); needs person.export; audited with the row count. */
export async function exportGapList(
  database: Database,
  scope: Scope,
  key: string,
  query: { year: number; org?: string; asOf?: string },
  out: NodeJS.WritableStream,
) {
  assertCan(scope, 'person.export');
  const { def, org, ctx } = await gapTarget(database, scope, key, query);
  async function* rows(): AsyncGenerator<Cell[]> {
    let after = 0;
    for (;;) {
      const { rows: page } = await runAnalytic(database.db, ctx, (q) => gapPageSql(def, ctx, org, scope, after, 2000).execute(q));
      for (const r of page) {
        const p = presentGapPerson(def, r);
        yield [
          p.name,
          p.idNumber,
          p.townName,
          p.villageName,
          categoryName.get(p.category) ?? p.category,
          levelNames[p.level - 1] ?? null,
          p.birthDate,
          p.reason.message,
        ];
      }
      if (page.length < 2000) return;
      after = page.at(-1)?.id ?? after;
    }
  }
  const headers = ['姓名', '公民身份号码', '户籍镇', '村(社区)', '残疾类别', '残疾等级', '出生日期', '原因'];
  // Audited before the first row leaves: a download cut short was still an export of personal data.
  const { rows: count } = await gapCountSql(def, ctx, org, scope).execute(database.db);
  const details = { year: query.year, org: org.code, rows: Number(count[0]?.total ?? 0) };
  await database.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, scope, { action: 'indicator.gaps.export', targetType: 'indicator', targetId: def.key, outcome: 'success', details }),
    );
  return writeTable(out, 'xlsx', headers, rows());
}

/** The plan's table 主要指标 in its own layout (类别, 指标, 2020年, 2025年, 属性) with the year's value and whether it is met. */
export async function writePlanReport(
  database: Database,
  scope: Scope,
  query: { year: number; org?: string; asOf?: string },
  out: NodeJS.WritableStream,
) {
  const doc = await evaluateIndicators(database, scope, query);
  const shown = (v: number | null, unit: string) => (v === null ? '—' : unit === 'fraction' ? `${(v * 100).toFixed(2)}%` : String(v));
  const rows: Cell[][] = indicatorDefinitions.map((def, i) => {
    const r = doc.indicators[i];
    const previous = indicatorDefinitions[i - 1];
    const group = previous && previous.group.zh === def.group.zh ? null : def.group.zh;
    return [
      group,
      `${def.number}. ${def.name.zh}（${def.unit === 'fraction' ? '%' : def.unit === 'persons' ? '人' : '户'}）`,
      def.baseline.text,
      def.targetText,
      def.kind === 'binding' ? '约束性' : '预期性',
      r ? shown(r.value, r.unit) : '—',
      r?.unit === 'fraction' && r.key !== 'incomeGrowth' ? `${r.numerator}/${r.denominator}` : null,
      r?.met === null || r?.met === undefined ? '—' : r.met ? '达标' : '未达标',
    ];
  });
  const headers = ['类别', '指标', '2020年', '2025年', '属性', `${doc.year}年（${doc.orgName}）`, '分子/分母', '是否达标'];
  return writeTable(out, 'xlsx', headers, rows);
}
