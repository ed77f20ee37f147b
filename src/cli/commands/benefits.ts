import { parseArgs } from 'node:util';
import { today } from '../../clock.ts';
import { isDay } from '../../domain/time/day.ts';
import { systemScope } from '../../features/access/scope.ts';
import { runBenefitReview } from '../../features/benefits/review-job.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

/** `smart-dpf benefits review --date D`: opens stop-review tasks for enrolments whose person is no longer eligible. */
export async function benefitsCommand(ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  const { values } = parseArgs({ args: rest, options: { date: { type: 'string' } } });
  const date = values.date ?? today();
  if (sub !== 'review' || !isDay(date)) throw new CliError('usage: smart-dpf benefits review [--date YYYY-MM-DD]');
  const result = await withDatabase((database) => runBenefitReview(database, systemScope(), date, today()));
  ctx.print(`复核 ${result.checkedEnrolments} 条享受记录：${result.notEligible} 条不再符合条件，新开复核任务 ${result.opened} 个`, result);
  return exitCode.ok;
}
