import { planYears } from '../../contracts/indicators.ts';
import type { Database } from '../../db/connect.ts';
import { personSpan } from '../../db/lanes.ts';
import { type Day, yearEnd } from '../../domain/time/day.ts';
import { laneMinPersons } from './compute.ts';
import { type OrgFilter, orgLevelOf } from './eval-context.ts';
import { inOrgUnit } from './population-sql.ts';
import { contextFor } from './service.ts';
import { indicatorDefinitions } from '../../domain/indicators/definitions.ts';
import { findSnapshot, lastChange } from './snapshot-store.ts';
import { SnapshotsBusy, statementsHash, storedIndicators } from './snapshots.ts';

// Keeps the dashboard's stored indicator results (snapshots.ts) built and fresh ahead of its users, so that opening
// the dashboard after a day's edits, a restart or a parameter change reads stored figures instead of waiting for
// them. A pass builds or refreshes the snapshots of the plan's years (31 December of 2021–2025: the dashboard's year
// and its trend) of every county and town of an enabled user, and of every other snapshot read in the last week (a
// village, a chosen date), as they are computed today: another parameter means another snapshot, which the pass
// builds. It does only what the next reader would have done, through the same storedIndicators: the figures stay
// exactly those of the records (snapshots.test.ts), and a reader arriving during a refresh shares it.

/**
 * What one pass did: snapshots built and refreshed, large units left for their readers to build, and whether it
 * stopped to give way to a writer (PostgreSQL; the next check tries again).
 */
export type WarmPass = { built: number; refreshed: number; left: number; busy: boolean };

/** A snapshot a pass keeps: an org unit, a year and the date it is evaluated on. */
type Target = { org: OrgFilter; year: number; asOf: Day };

/**
 * One pass. On SQLite the statements run on the server's own thread, so a pass does not *build* a unit of more
 * persons than a run shares out in lanes (200,000: a build of a million takes that thread for seconds at a time);
 * its first reader or `smart-dpf indicators` at night builds it, and passes refresh it from then on.
 */
export async function warmPass(database: Database, usedSince: string): Promise<WarmPass> {
  const pass: WarmPass = { built: 0, refreshed: 0, left: 0, busy: false };
  // One try for the change log's lock (lastChange): while a writer holds it, the pass gives way.
  const upTo = await lastChange(database, 0);
  if (upTo === null) return { ...pass, busy: true };
  const large = new Map<string, boolean>();
  for (const target of await targets(database, usedSince)) {
    const ctx = await contextFor(database, target.year, target.asOf);
    const found = await findSnapshot(database.db, target.org.code, statementsHash(database, ctx, target.org, indicatorDefinitions));
    if (found && found.appliedSeq >= upTo) continue;
    if (!found && (await isLarge(database, target.org, large))) {
      pass.left++;
      continue;
    }
    try {
      await storedIndicators(database, ctx, target.org, 'warmer');
    } catch (error) {
      if (error instanceof SnapshotsBusy) return { ...pass, busy: true };
      throw error;
    }
    if (found) pass.refreshed++;
    else pass.built++;
  }
  return pass;
}

/** Whether a pass leaves the unit's build to its readers (see warmPass); remembered per pass. */
async function isLarge(database: Database, org: OrgFilter, seen: Map<string, boolean>): Promise<boolean> {
  if (database.engine !== 'sqlite') return false;
  const known = seen.get(org.code);
  if (known !== undefined) return known;
  const large = ((await personSpan(database, inOrgUnit(org)))?.persons ?? 0) > laneMinPersons();
  seen.set(org.code, large);
  return large;
}

/** The plan years of the users' counties and towns, then the other snapshots read since `usedSince`. */
async function targets(database: Database, usedSince: string): Promise<Target[]> {
  const out = new Map<string, Target>();
  const add = (t: Target) => out.set(`${t.org.code} ${t.year} ${t.asOf}`, t);
  for (const org of await userUnits(database)) for (const year of planYears) add({ org, year, asOf: yearEnd(year) });
  for (const used of await usedSnapshots(database, usedSince)) add(used);
  return [...out.values()];
}

/**
 * The counties and towns of enabled users: the units their dashboards open on. (A village's snapshot builds in
 * 40–130 ms when first read; a province has thousands.)
 */
async function userUnits(database: Database): Promise<OrgFilter[]> {
  const rows = await database.db
    .selectFrom('app_user')
    .innerJoin('org_unit', 'org_unit.code', 'app_user.org_code')
    .select('org_unit.code')
    .distinct()
    .where('app_user.disabled', '=', 0)
    .where('org_unit.level', 'in', ['county', 'town'])
    .orderBy('org_unit.code')
    .execute();
  return rows.flatMap((r) => {
    const level = orgLevelOf(r.code);
    return level ? [{ code: r.code, level }] : [];
  });
}

/** Snapshots read since `usedSince` (ISO time), by unit, year and date; those stored before they had a year left out. */
async function usedSnapshots(database: Database, usedSince: string): Promise<Target[]> {
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
    const upTo = await lastChange(database, 0);
    if (upTo === null || (upTo === seen && Date.now() - lastPass < fullPassMs)) return;
    const started = Date.now();
    const pass = await warmPass(database, new Date(started - keepWarmMs).toISOString());
    if (pass.busy) return;
    lastPass = started;
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
