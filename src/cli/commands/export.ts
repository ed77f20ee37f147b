import path from 'node:path';
import { today } from '../../clock.ts';
import { systemScope } from '../../features/access/scope.ts';
import { exportPersons } from '../../features/registry/export-persons.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

/** `smart-dpf export persons FILE`: the whole registry in the persons-file layout, full numbers (it round-trips). */
export async function exportCommand(ctx: CommandContext): Promise<number> {
  const [kind, file] = ctx.args;
  if (kind !== 'persons' || !file) throw new CliError('usage: smart-dpf export persons FILE.xlsx|FILE.csv');
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new CliError('只支持 .xlsx 和 .csv 文件');
  const format = ext === '.xlsx' ? 'xlsx' : 'csv';
  const { rows } = await withDatabase((database) => exportPersons(database, systemScope(), file, { format, full: true, today: today() }));
  ctx.print(`exported ${rows} person(s) to ${file}`, { file, format, rows });
  return exitCode.ok;
}
