import { startSnapshotWarmer, warmIntervalSeconds } from '../../features/indicators/snapshot-warmer.ts';
import { snapshotsEnabled } from '../../features/indicators/snapshots.ts';
import { buildApp } from '../../server/app.ts';
import { loggerOptions } from '../../server/logger.ts';
import { buildWebIfStale } from '../../server/plugins/web.ts';
import { type CommandContext, exitCode, openDatabase } from '../context.ts';
import { prepareFirstRun } from './first-run.ts';

/** `smart-dpf serve` (what `npm start` runs): migrate, load the demo county into an empty database, listen. */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  // Build the web bundle first (when missing or older than its sources), so registerWeb finds it.
  await buildWebIfStale((text) => ctx.note(text));
  const database = await openDatabase();
  await prepareFirstRun(database, ctx);
  const app = await buildApp({ database, logger: loggerOptions() });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  ctx.note(`智慧残联 Smart DPF: http://localhost:${port}/ (database: ${database.label})`);
  // The dashboard's stored indicators, built and refreshed ahead of its users (docs/indicators.md §Warmer).
  const warmer =
    snapshotsEnabled() && warmIntervalSeconds() > 0
      ? startSnapshotWarmer(database, (error) => app.log.error({ err: error }, 'indicator snapshot warmer'))
      : null;
  const stop = async () => {
    await warmer?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return exitCode.ok;
}
