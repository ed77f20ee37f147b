import { parseArgs } from 'node:util';
import { isProgram, programs } from '../../domain/policy/evaluate.ts';
import { isDay } from '../../domain/time/day.ts';
import { systemScope } from '../../features/access/scope.ts';
import { type EligibilityLine, eligibilityDecisions } from '../../features/benefits/eligibility-document.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

/** Writes the JSON document line by line: a county's decisions need not fit in one string. */
function jsonWriter(date: string) {
  let first = true;
  process.stdout.write(`{\n  "date": ${JSON.stringify(date)},\n  "decisions": [`);
  return {
    line(l: EligibilityLine) {
      process.stdout.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(l)}`);
      first = false;
    },
    end: () => process.stdout.write(`${first ? '' : '\n  '}]\n}\n`),
  };
}

function humanLine(l: EligibilityLine): string {
  const amount = l.monthlyAmount === null ? '-' : `${(l.monthlyAmount / 100).toFixed(2)}元/月`;
  const failed = l.reasons.filter((r) => !r.held).map((r) => r.message);
  return `${l.idNumber ?? '(无身份证号)'}\t${l.program}\t${l.eligible ? '符合' : '不符合'}\t${l.receiving ? '享受中' : '未享受'}\t${amount}\t${failed.join('；')}`;
}

/** `smart-dpf eligibility --date D [--program P] [--person ID_NUMBER]`: benefit decisions with amounts and reasons. */
export async function eligibilityCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { date: { type: 'string' }, program: { type: 'string' }, person: { type: 'string' } },
  });
  if (!values.date || !isDay(values.date))
    throw new CliError('usage: smart-dpf eligibility --date YYYY-MM-DD [--program P] [--person ID_NUMBER]');
  if (values.program !== undefined && !isProgram(values.program)) throw new CliError(`--program must be one of: ${programs.join(', ')}`);
  const date = values.date;
  const program = values.program !== undefined && isProgram(values.program) ? values.program : undefined;
  const idNumber = values.person?.trim().toUpperCase();
  const out = ctx.json ? jsonWriter(date) : null;
  const count = await withDatabase((database) =>
    eligibilityDecisions(database, systemScope(), { date, ...(program ? { program } : {}), ...(idNumber ? { idNumber } : {}) }, (l) =>
      out ? out.line(l) : process.stdout.write(`${humanLine(l)}\n`),
    ),
  );
  out?.end();
  ctx.note(`${count} decision(s) as of ${date}`);
  return exitCode.ok;
}
