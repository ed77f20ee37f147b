import type { Day } from '../time/day.ts';

/** One dated value of a parameter: it applies from `from` until the next entry; `value: null` ends the parameter. */
export type ParamEntry<T> = { from: Day; value: T | null; source: string };

/** The unit a parameter's values are in (money is always integer fen). */
export type ParamUnit = 'fen' | 'fenPerYear' | 'permille' | 'years' | 'workingDays' | 'flag' | 'list' | 'mode' | 'days';

/** What a parameter is (code) and its known history (data an administrator may extend). */
export type Param<T> = {
  id: string;
  unit: ParamUnit;
  /** What it means, in Chinese, for the admin page. */
  description: string;
  /** The legal text that sets it (OpenFisca's `reference`). */
  source: string;
  /** Default history from the catalog, oldest first; admin-entered values are merged over it. */
  history: readonly ParamEntry<T>[];
  /** Periods known to be missing, shown to the admin (e.g. 2022–2024 rates not found). */
  knownGaps?: string;
};

/** Declares a parameter; keeps its history sorted by date. */
export function defineParam<T>(p: Param<T>): Param<T> {
  return { ...p, history: sortEntries(p.history) };
}

function sortEntries<T>(entries: readonly ParamEntry<T>[]): ParamEntry<T>[] {
  return [...entries].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The entry in force on `day` (latest with from <= day), or undefined before the first date or after a `null`. */
export function entryAt<T>(history: readonly ParamEntry<T>[], day: Day): (ParamEntry<T> & { value: T }) | undefined {
  let found: ParamEntry<T> | undefined;
  for (const e of history) {
    if (e.from > day) break;
    found = e;
  }
  return found && found.value !== null ? (found as ParamEntry<T> & { value: T }) : undefined;
}

/** The value in force on `day`; undefined means "not in force" (before the first date or after a `null`), never 0. */
export function valueAt<T>(param: Pick<Param<T>, 'history'>, day: Day): T | undefined {
  return entryAt(param.history, day)?.value;
}

/**
 * Adds entries to a history: an added entry replaces one with the same date; later entries of the same batch win.
 * This is how admin-entered values extend the catalog's defaults.
 */
export function mergeHistory<T>(base: readonly ParamEntry<T>[], added: readonly ParamEntry<T>[]): ParamEntry<T>[] {
  const byDay = new Map<Day, ParamEntry<T>>();
  for (const e of base) byDay.set(e.from, e);
  for (const e of added) byDay.set(e.from, e);
  return sortEntries([...byDay.values()]);
}

/** The histories of every parameter by id: the snapshot rules see (catalog defaults plus admin values). */
export type ParamSet = ReadonlyMap<string, readonly ParamEntry<unknown>[]>;

/** Builds a ParamSet from parameter definitions and extra entries by id (e.g. rows of policy_parameter_value). */
export function paramSetOf(
  params: readonly Param<unknown>[],
  extra: Readonly<Record<string, readonly ParamEntry<unknown>[]>> = {},
): ParamSet {
  const set = new Map<string, readonly ParamEntry<unknown>[]>();
  for (const p of params) set.set(p.id, mergeHistory(p.history, extra[p.id] ?? []));
  return set;
}

// A batch asks the same set for the same parameters on the same day for every person: the entries found for the
// last (set, day) are kept by parameter id. Sets are never changed once built (withOverrides makes a new one).
let cachedSet: ParamSet | null = null;
let cachedDay: Day = '';
const cachedEntries = new Map<string, ParamEntry<unknown> | undefined>();

/** The entry of a parameter in force on `day` within a set (typed by the parameter's definition). */
export function lookup<T>(set: ParamSet, param: Param<T>, day: Day): (ParamEntry<T> & { value: T }) | undefined {
  if (set !== cachedSet || day !== cachedDay) {
    cachedSet = set;
    cachedDay = day;
    cachedEntries.clear();
  }
  const cached = cachedEntries.get(param.id);
  if (cached !== undefined || cachedEntries.has(param.id)) return cached as (ParamEntry<T> & { value: T }) | undefined;
  const history = (set.get(param.id) ?? param.history) as readonly ParamEntry<T>[];
  const entry = entryAt(history, day);
  cachedEntries.set(param.id, entry);
  return entry;
}

/** Overrides for a simulation: per parameter id, entries that replace the history from their first date on. */
export type ParamOverrides = Readonly<Record<string, readonly { from: Day; value: unknown }[]>>;

/**
 * A reform (OpenFisca): a copy of the set where each overridden parameter keeps its history before the first
 * override date and takes the override entries from then on. Same rules, other parameters.
 */
export function withOverrides(set: ParamSet, overrides: ParamOverrides): ParamSet {
  const next = new Map(set);
  for (const [id, entries] of Object.entries(overrides)) {
    if (entries.length === 0) continue;
    const added = sortEntries(entries.map((e) => ({ from: e.from, value: e.value, source: '模拟' })));
    const first = (added[0] as ParamEntry<unknown>).from;
    next.set(id, [...(set.get(id) ?? []).filter((e) => e.from < first), ...added]);
  }
  return next;
}
