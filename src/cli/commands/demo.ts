import { parseArgs } from 'node:util';
import { today } from '../../clock.ts';
import { loadDemo } from '../../features/demo/load-demo.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

/** `smart-dpf demo [--persons N] [--seed S]`: loads the synthetic demo county (fictional villages and persons). */
export async function demoCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({ args: ctx.args, options: { persons: { type: 'string' }, seed: { type: 'string' } } });
  const persons = Number(values.persons ?? 10_000);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(persons) || persons < 1 || persons > 5_000_000)
    throw new CliError('--persons must be a whole number from 1 to 5000000');
  if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
  const result = await withDatabase((database) =>
    loadDemo(database, { persons, seed, asOf: today(), onProgress: (n) => ctx.note(`已生成 ${n} 人`) }),
  );
  ctx.print(`演示县 demo county loaded: ${result.persons} persons (${result.created} new), ${result.villages} villages`, result);
  return exitCode.ok;
}
