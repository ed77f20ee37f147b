import { migrateToLatest } from '../../db/migrate.ts';
import { connect } from '../../db/connect.ts';
import { loadRegions } from '../../features/org/seed.ts';
import { type CommandContext, exitCode } from '../context.ts';

/** `smart-dpf migrate`: brings the schema up to date and loads the county's region codes. */
export async function migrateCommand(ctx: CommandContext): Promise<number> {
  const database = connect();
  try {
    const applied = await migrateToLatest(database);
    const regions = await loadRegions(database);
    ctx.print(`migrated ${database.label}: ${applied.length} migration(s) applied, ${regions} region(s) added`, {
      database: database.engine,
      applied,
      regionsAdded: regions,
    });
    return exitCode.ok;
  } finally {
    await database.close();
  }
}
