import { parseArgs } from 'node:util';
import { isRole } from '../../features/access/roles.ts';
import { tokenCreate, userAdd } from '../../features/access/cli.ts';
import { CliError, type CommandContext, exitCode, withDatabase } from '../context.ts';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('密码 password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `smart-dpf user add --username U --role R [--org CODE]`, password read from stdin. */
export async function userCommand(ctx: CommandContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { username: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, 'display-name': { type: 'string' } },
  });
  if (positionals[0] !== 'add' || !values.username || !values.role) {
    throw new CliError('usage: smart-dpf user add --username U --role R [--org CODE]  (password on stdin)');
  }
  if (!isRole(values.role)) throw new CliError(`unknown role ${values.role}`);
  const password = await readStdin();
  const user = await withDatabase((database) =>
    userAdd(database, {
      username: values.username as string,
      role: values.role as Parameters<typeof userAdd>[1]['role'],
      org: values.org ?? '441821',
      password,
      displayName: values['display-name'],
    }),
  );
  ctx.print(`user ${values.username} created`, { user });
  return exitCode.ok;
}

/** `smart-dpf token create --username U [--name NAME]`: prints a new API token once. */
export async function tokenCommand(ctx: CommandContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { username: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || !values.username) throw new CliError('usage: smart-dpf token create --username U [--name NAME]');
  const token = await withDatabase((database) => tokenCreate(database, { username: values.username as string, name: values.name }));
  ctx.print(token, { token });
  return exitCode.ok;
}
