import fs from 'node:fs';
import path from 'node:path';
import { today } from '../../../clock.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../../../cli/context.ts';
import { disagreementMessages } from '../../../contracts/department-lists.ts';
import { systemScope } from '../../access/scope.ts';
import type { DeathComparisonBody } from './compare-deaths.ts';
import { importDeaths } from './import-deaths.ts';

/** `smart-dpf import deaths FILE [--dry-run]`: a public-security deaths list (docs/file-formats.md). */
export async function importDeathsFile(ctx: CommandContext, file: string, options: { dryRun?: boolean }): Promise<number> {
  if (!fs.existsSync(file)) throw new CliError(`file not found: ${file}`);
  const report = await withDatabase((database) =>
    importDeaths(database, systemScope(), file, { asOf: today(), dryRun: options.dryRun, fileName: path.basename(file) }),
  );
  ctx.print(describe(report), report);
  return report.errors.length > 0 ? exitCode.rejected : exitCode.ok;
}

function describe(r: DeathComparisonBody): string {
  const c = r.counts;
  const outcome = r.committed ? '已提交' : r.dryRun && r.errors.length === 0 ? '试运行，未写入' : '未写入任何数据';
  const lines = [
    `共 ${r.rows} 行：无效 ${r.invalid}；将标记死亡 ${c.toMark ?? 0}，已登记死亡 ${c.alreadyDeceased ?? 0}，登记库中无此人 ${c.unknown ?? 0}，不一致 ${c.disagreements ?? 0}（${outcome}）`,
  ];
  lines.push(...r.errors.slice(0, 200).map((e) => `  第 ${e.row} 行 [${e.column}] ${e.code}: ${e.message}`));
  for (const d of r.disagreements.slice(0, 200)) {
    const programs = d.reasons.map((x) => x.code).join('、');
    lines.push(
      `  第 ${d.row ?? '—'} 行 ${d.idNumber} ${disagreementMessages[d.code]}${d.date ? `（${d.date}）` : ''}${programs ? `：${programs}` : ''}`,
    );
  }
  return lines.join('\n');
}
