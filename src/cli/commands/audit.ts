import { auditVerify } from '../../features/access/cli.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

/** `smart-dpf audit verify`: recomputes the audit hash chain; exit 1 naming the first broken entry. */
export async function auditCommand(ctx: CommandContext): Promise<number> {
  if (ctx.args[0] !== 'verify') throw new CliError('usage: smart-dpf audit verify');
  const result = await withDatabase((database) => auditVerify(database));
  if (result.ok) {
    ctx.print(`审计日志完整 audit chain intact: ${result.entries} entries`, result);
    return exitCode.ok;
  }
  ctx.print(`审计日志被篡改 audit chain broken at entry ${result.brokenAt}: ${result.reason}`, result);
  return exitCode.rejected;
}
