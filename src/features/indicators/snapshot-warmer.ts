import { planYears } from '../../contracts/indicators.ts';
import type { Database } from '../../db/connect.ts';
import { personSpan } from '../../db/lanes.ts';
import { type Day, yearEnd } from '../../domain/time/day.ts';
import { laneMinPersons } from './compute.ts';
import { type OrgFilter, orgLevelOf } from './eval-context.ts';
import { inOrgUnit } from './population-sql.ts';
import { contextFor } from './service.ts';
import { lastChange } from './snapshot-store.ts';
import { storedIndicatorsIfKept, storedIndicators } from './snapshots.ts';

// Keeps the dashboard's stored indicator results (snapshots.ts) built and fresh ahead of its users, so that opening
// the dashboard after a day's edits, a restart or a parameter change reads stored figures instead of waiting for
// them. A pass refreshes or builds, for every org unit (county, town or village) of an enabled user, the snapshots of
// the plan's years (31 December of 2021–2025: the dashboard's year and its trend), and refreshes every other
// snapshot read in the last week. It only does what the next reader would have done, in the same way: figures stay
// exactly those of the records (tested with snapshots.test.ts), and readers of a snapshot being refreshed share the
// refresh.

/** What one pass did: snapshots read (built, refreshed or found fresh), and units left for their readers to build. */
export type WarmPass = { read: number; left: number };

/** Units above this many persons are not built by a pass on SQLite (see warmPass). */
function buildLimit(database: Database): number {
  return database.engine === 'sqlite' ? laneMinPersons() : Number.POSITIVE_INFINITY;
}

/**
 * One pass. On SQLite the statements run on the server's own thread, so a pass does not *build* a unit of more
 * persons than a run shares out in lanes (200,000: a build of a million takes seconds of that thread); such a
 * snapshot is built by its first reader or by `smart-dpf indicators` at night, and refreshed here once it exists.
 */
export async function warmPass(database: Database, usedSince: string): Promise<WarmPass> {
  const pass: WarmPass = { read: 0, left: 0 };
  const limit = buildLimit(database);
  const done = new Set<string>();
  for (const org of await userUnits(database)) {
    const mayBuild = limit === Number.POSITIVE_INFINITY || ((await personSpan(database, inOrgUnit(org)))?.persons ?? 0) <= limit;
    for (const year of planYears) {
      done.add(`${org.code} ${year} ${yearEnd(year)}`);
      const ctx = await contextFor(database, year, yearEnd(year));
      if (mayBuild) await storedIndicators(database, ctx, org);
      else if (!(await storedIndicatorsIfKept(database, ctx, org))) {
        pass.left++;
        continue;
      }
      pass.read++;
    }
  }
  for (const used of await usedSnapshots(database, usedSince)) {
    if (done.has(`${used.org.code} ${used.year} ${used.asOf}`)) continue;
    const ctx = await contextFor(database, used.year, used.asOf);
    if (await storedIndicatorsIfKept(database, ctx, used.org)) pass.read++;
  }
  return pass;
}

/** The org units (county, town, village) of enabled users: the units their dashboards open on. */
async function userUnits(database: Database): Promise<OrgFilter[]> {
  const rows = await database.db
    .selectFrom('app_user')
    .innerJoin('org_unit', 'org_unit.code', 'app_user.org_code')
    .select('org_unit.code')
    .distinct()
    .where('app_user.disabled', '=', 0)
    .where('org_unit.level', 'in', ['county', 'town', 'village'])
    .orderBy('org_unit.code')
    .execute();
  return rows.flatMap((r) => {
    const level = orgLevelOf(r.code);
    return level ? [{ code: r.code, level }] : [];
  });
}

/** Snapshots read since `usedSince` (ISO time), by unit, year and date; those stored before they had a year left out. */
async function usedSnapshots(database: Database, usedSince: string): Promise<{ org: OrgFilter; year: number; asOf: Day }[]> {
  const rows = await database.db
    .selectFrom('indicator_snapshot')
    .select(['org_code', 'year', 'as_of'])
    .distinct()
    .where('used_at', '>=', usedSince)
    .where('year', 'is not', null)
    .orderBy('org_code')
    .execute();
  return rows.flatMap((r) => {
    const level = orgLevelOf(r.org_code);
    return level && r.year !== null ? [{ org: { code: r.org_code, level }, year: Number(r.year), asOf: r.as_of as Day }] : [];
  });
}

/** A running warmer: stop() ends it after the pass in progress, if any. */
export type SnapshotWarmer = { stop(): Promise<void> };

/** Seconds between checks of the change log; SMART_DPF_INDICATOR_WARM_SECONDS, 0 to not warm at all. */
export function warmIntervalSeconds(): number {
  return Number(process.env.SMART_DPF_INDICATOR_WARM_SECONDS ?? 5);
}

/** A full pass at least this often even without logged changes: parameters and the date change the snapshots too. */
const fullPassMs = 10 * 60 * 1000;

/** Snapshots read within this long are kept refreshed. */
const keepWarmMs = 7 * 24 * 3600 * 1000;

/**
 * Starts warming: a pass at once, then a check every `intervalSeconds`, with a pass when the change log moved (a
 * write anywhere: this server, another, the CLI, an import) or ten minutes went by. A failed pass is reported and
 * tried again at the next check.
 */
export function startSnapshotWarmer(
  database: Database,
  report: (error: unknown) => void,
  intervalSeconds = warmIntervalSeconds(),
): SnapshotWarmer {
  let stopped = false;
  let seen = -1;
  let lastPass = 0;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    const upTo = await lastChange(database);
    if (upTo === seen && Date.now() - lastPass < fullPassMs) return;
    lastPass = Date.now();
    await warmPass(database, new Date(lastPass - keepWarmMs).toISOString());
    seen = upTo;
  };
  const tick = () => {
    running = check()
      .catch(report)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalSeconds * 1000).unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
