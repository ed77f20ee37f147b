import { type Disagreement, type ListComparison, disagreementMessages } from '../../../contracts/department-lists.ts';
import { programNamesZh } from '../../../contracts/services.ts';
import type { Cell } from '../../files/table.ts';

/** Column headers of the comparison download. */
export const comparisonHeaders = [
  '分组',
  '行号',
  '公民身份号码',
  '项目',
  '开始日期',
  '结束日期',
  '金额(元)',
  '原结束日期',
  '原金额(元)',
  '说明',
];

const groupNames: Record<string, string> = {
  new: '新增',
  ended: '终止',
  changed: '变更',
  unchanged: '未变',
  unknown: '登记库中无此人',
  toMark: '将标记死亡',
  alreadyDeceased: '已登记死亡',
};

const yuan = (fen: number | null): Cell => (fen === null ? null : fen / 100);
const names: Record<string, string> = programNamesZh;
const program = (p: string | null): Cell => (p ? (names[p] ?? p) : null);

function disagreementRow(d: Disagreement): Cell[] {
  const reasons = d.reasons.map((r) => (names[r.code] ? `${names[r.code]} ${r.message}` : r.message)).join('；');
  const text = [disagreementMessages[d.code], d.date ? `（${d.date}）` : '', reasons ? `：${reasons}` : ''].join('');
  return ['不一致', d.row, d.idNumber, program(d.program), null, null, null, null, null, text];
}

/** The comparison as rows of one sheet: every list row by group, then every disagreement; ID numbers stay masked. */
export function comparisonRows(c: ListComparison): Cell[][] {
  const rows: Cell[][] =
    c.kind === 'enrolments'
      ? c.items.map((i) => [
          groupNames[i.kind] ?? i.kind,
          i.row,
          i.idNumber,
          program(c.program),
          i.startDate,
          i.endDate,
          yuan(i.monthlyAmountFen),
          i.before?.endDate ?? null,
          yuan(i.before?.monthlyAmountFen ?? null),
          null,
        ])
      : c.items.map((i) => [
          groupNames[i.kind] ?? i.kind,
          i.row,
          i.idNumber,
          null,
          null,
          i.deathDate,
          null,
          i.registryDeathDate,
          null,
          i.code ?? i.receiving.map((e) => program(e.program)).join('、'),
        ]);
  rows.push(...c.disagreements.map(disagreementRow));
  for (const e of c.errors) rows.push(['错误', e.row, null, null, null, null, null, null, null, `[${e.column}] ${e.code}: ${e.message}`]);
  return rows;
}
