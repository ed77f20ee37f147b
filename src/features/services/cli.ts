import fs from 'node:fs';
import path from 'node:path';
import { today } from '../../clock.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../../cli/context.ts';
import { systemScope } from '../access/scope.ts';
import { importEnrolments } from './enrolments/import-enrolments.ts';
import { programs } from './enrolments/service.ts';
import type { RowsReport } from './import-common.ts';
import { importSurvey } from './survey/import-survey.ts';

/** `smart-dpf import survey FILE [--dry-run]` and `smart-dpf import enrolments FILE --program P [--dry-run]`. */
export async function importServicesFile(
  ctx: CommandContext,
  kind: 'survey' | 'enrolments',
  file: string,
  options: { dryRun?: boolean; program?: string },
): Promise<number> {
  if (!fs.existsSync(file)) throw new CliError(`file not found: ${file}`);
  const common = { dryRun: options.dryRun, asOf: today(), fileName: path.basename(file) };
  if (kind === 'enrolments' && !programs.some((p) => p === options.program)) {
    throw new CliError(`usage: smart-dpf import enrolments FILE --program ${programs.join('|')} [--dry-run]`);
  }
  const report: RowsReport & { notInList?: { idNumber: string | null; startDate: string }[] } = await withDatabase(async (database) =>
    kind === 'survey'
      ? await importSurvey(database, systemScope(), file, common)
      : await importEnrolments(database, systemScope(), file, { ...common, program: options.program as string }),
  );
  ctx.print(describe(report), report);
  return report.invalid > 0 || report.errors.length > 0 ? exitCode.rejected : exitCode.ok;
}

function describe(r: RowsReport & { notInList?: { idNumber: string | null; startDate: string }[] }): string {
  const lines = r.errors.slice(0, 200).map((e) => `  第 ${e.row} 行 [${e.column}] ${e.code}: ${e.message}`);
  if (r.errors.length > 200) lines.push(`  …以及另外 ${r.errors.length - 200} 个问题`);
  const outcome = r.committed ? '已提交' : r.dryRun && r.invalid === 0 ? '试运行，未写入' : '未写入任何数据';
  const missing = r.notInList ?? [];
  if (missing.length > 0)
    lines.push(
      `  名单外仍在享受的记录 ${missing.length} 条（未自动终止，请核实）：`,
      ...missing.slice(0, 50).map((n) => `    ${n.idNumber ?? '—'} 自 ${n.startDate}`),
    );
  return [
    `共 ${r.rows} 行：有效 ${r.valid}，无效 ${r.invalid}；新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}（${outcome}）`,
    ...lines,
  ].join('\n');
}
