import { today } from '../../clock.ts';
import type { Database } from '../../db/connect.ts';
import { ensureDemoAdmin } from '../../features/access/cli.ts';
import { loadDemo } from '../../features/demo/load-demo.ts';
import type { CommandContext } from '../context.ts';

/**
 * On an empty database: load the demo county and create the `admin` account, printing its one-time password once
 * (FORMATS.md §1). A database that already holds persons or users is left alone.
 */
export async function prepareFirstRun(database: Database, ctx: CommandContext): Promise<void> {
  const persons = await database.db.selectFrom('person').select('id').limit(1).execute();
  if (persons.length === 0 && process.env.SMART_DPF_NO_DEMO !== 'true') {
    ctx.note('数据库为空：正在载入演示县（虚构数据）… loading the demo county (synthetic data)');
    const result = await loadDemo(database, { persons: 10_000, seed: 1, asOf: today() });
    ctx.note(`演示县已载入：${result.persons} 人，${result.villages} 个村(社区)`);
  }
  const password = await ensureDemoAdmin(database);
  if (password) {
    ctx.note('────────────────────────────────────────────────────────');
    ctx.note(`管理员账号 admin login: admin   初始密码 password: ${password}`);
    ctx.note('首次登录后须修改密码 (must be changed at first sign-in). 此密码只显示一次.');
    ctx.note('────────────────────────────────────────────────────────');
  }
}
