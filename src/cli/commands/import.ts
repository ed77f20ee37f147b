import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { today } from '../../clock.ts';
import { systemScope } from '../../features/access/scope.ts';
import { importPersons } from '../../features/registry/import/import-persons.ts';
import { importServicesFile } from '../../features/services/cli.ts';
import { importDeathsFile } from '../../features/services/deaths/cli.ts';
import type { ImportReport } from '../../contracts/import-report.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

/** `smart-dpf import persons FILE [--dry-run] [--skip-invalid]` (FORMATS.md §3). */
export async function importCommand(ctx: CommandContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, program: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if ((kind === 'survey' || kind === 'enrolments') && file) {
    return importServicesFile(ctx, kind, file, { dryRun: values['dry-run'], program: values.program });
  }
  if (kind === 'deaths' && file) return importDeathsFile(ctx, file, { dryRun: values['dry-run'] });
  if (kind !== 'persons' || !file) throw new CliError('usage: smart-dpf import persons FILE [--dry-run] [--skip-invalid]');
  if (!fs.existsSync(file)) throw new CliError(`file not found: ${file}`);
  const report = await withDatabase((database) =>
    importPersons(database, systemScope(), file, {
      dryRun: values['dry-run'],
      skipInvalid: values['skip-invalid'],
      asOf: today(),
      fileName: path.basename(file),
      onProgress: (stage, rows) => ctx.note(`${stage === 'read' ? '已读取' : '已写入'} ${rows} 行`),
    }),
  );
  ctx.print(describe(report), report);
  const rejected = report.invalid > 0 && !values['skip-invalid'];
  return rejected || report.errors.some((e) => e.code === 'HEADER_MISSING') ? exitCode.rejected : exitCode.ok;
}

function describe(r: ImportReport): string {
  const lines = r.errors.slice(0, 200).map((e) => `  第 ${e.row} 行 [${e.column}] ${e.code}: ${e.message}`);
  if (r.errors.length > 200) lines.push(`  …以及另外 ${r.errors.length - 200} 个问题`);
  const outcome = r.committed ? '已提交' : r.dryRun && r.invalid === 0 ? '试运行，未写入' : '未写入任何数据';
  return [
    `共 ${r.rows} 行：有效 ${r.valid}，无效 ${r.invalid}；新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}（${outcome}）`,
    ...lines,
  ].join('\n');
}
