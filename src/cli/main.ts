import { AppError } from '../contracts/app-error.ts';
import { CliError, type CommandContext, exitCode } from './context.ts';
import { commands, usage } from './commands/index.ts';

/** Parses the command line, runs the command, and exits with FORMATS.md §1's codes. */
async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const ctx: CommandContext = {
    args: [],
    json,
    print: (human, document) => process.stdout.write(json ? `${JSON.stringify(document, null, 2)}\n` : `${human}\n`),
    note: (text) => process.stderr.write(`${text}\n`),
  };
  const [name, ...rest] = args;
  const sub = name && commands[name];
  if (!sub || name === '--help' || name === 'help') {
    process.stderr.write(usage());
    return name && name !== '--help' && name !== 'help' ? exitCode.usage : exitCode.ok;
  }
  try {
    return await sub({ ...ctx, args: rest });
  } catch (e) {
    return report(e, ctx);
  }
}

function report(e: unknown, ctx: CommandContext): number {
  if (e instanceof CliError) {
    if (ctx.json) ctx.print('', e.json ?? { error: { message: e.message } });
    ctx.note(e.message);
    return e.exit;
  }
  if (e instanceof AppError) {
    const body = { error: { code: e.code, message: e.message, ...(e.path ? { path: e.path } : {}) } };
    if (ctx.json) ctx.print('', body);
    ctx.note(`${e.code}: ${e.message}`);
    return e.status >= 500 ? exitCode.usage : e.code.startsWith('FILE_') ? exitCode.usage : exitCode.rejected;
  }
  ctx.note(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return exitCode.usage;
}

process.exitCode = await main(process.argv.slice(2));
