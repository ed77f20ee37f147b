import type { Database } from '../../db/connect.ts';
import { type LaneTask, idRanges, laneCount, personSpan, runLanes } from '../../db/lanes.ts';
import type { Program } from '../../domain/policy/evaluate.ts';
import type { ParamSet } from '../../domain/policy/parameters.ts';
import type { Scope } from '../access/scope.ts';
import { type EvaluatedPerson, evaluateAll } from './evaluation.ts';
import { type FactsFilter, personsOf } from './facts-store.ts';

/**
 * What a long evaluation keeps of each batch of evaluated persons (gap items, review tasks, tallies): an exported
 * function of a module, named so that a worker thread can import it, applied where the persons were evaluated so
 * that only what is kept crosses between threads (a person's decisions with their reasons are some 15 KB).
 */
export type Reducer<A, R> = { module: string; name: string; reduce: (batch: EvaluatedPerson[], args: A) => R[]; args: A };

type LaneArgs<A> = {
  scope: Scope;
  filter: FactsFilter;
  programs: readonly Program[];
  params: ParamSet;
  reducer: { module: string; name: string; args: A };
};

/**
 * Below this many persons (in the scope and filter) one thread is quicker: a worker thread takes a few hundred milliseconds to
 * start and load the rules. SMART_DPF_LANE_MIN_PERSONS overrides (tests set it low to run the lanes).
 */
function laneMinPersons(): number {
  return Number(process.env.SMART_DPF_LANE_MIN_PERSONS ?? 100_000);
}

/** Evaluates one lane's share and reduces it; the lane task (lanes.ts) that every lane runs. */
export async function* evaluateLane<A, R>(database: Database, a: LaneArgs<A>): AsyncGenerator<R[]> {
  const module = (await import(a.reducer.module)) as Record<string, unknown>;
  const reduce = module[a.reducer.name] as Reducer<A, R>['reduce'];
  yield* reduced(database, a, reduce);
}

async function* reduced<A, R>(database: Database, a: LaneArgs<A>, reduce: Reducer<A, R>['reduce']): AsyncGenerator<R[]> {
  for await (const batch of evaluateAll(database, a.scope, a.filter, a.programs, a.params)) {
    const out = reduce(batch, a.reducer.args);
    if (out.length > 0) yield out;
  }
}

/**
 * The lanes' shares of a run: consecutive id ranges of equal span over the run's persons, or one share (the whole
 * filter) when the run is narrow (some persons), covers fewer than laneMinPersons, or the database allows one lane.
 */
export async function laneShares(database: Database, scope: Scope, filter: FactsFilter): Promise<FactsFilter[]> {
  const lanes = laneCount(database);
  if (lanes < 2 || filter.personIds || filter.idNumber || filter.idRange) return [filter];
  const span = await personSpan(database, personsOf(database.db, scope, filter));
  if (!span || span.persons < laneMinPersons()) return [filter];
  return idRanges(span, lanes).map((idRange) => ({ ...filter, idRange }));
}

/**
 * Evaluates the programmes for every person of the filter and yields what the reducer keeps, in person order. A
 * long run is split into lanes over id ranges (one per core, db/lanes.ts): the first in this thread, the others in
 * worker threads that read the same database through their own connections.
 */
export async function* evaluateReduced<A, R>(
  database: Database,
  scope: Scope,
  filter: FactsFilter,
  programs: readonly Program[],
  params: ParamSet,
  reducer: Reducer<A, R>,
): AsyncGenerator<R[]> {
  const shares = await laneShares(database, scope, filter);
  const { reduce, ...named } = reducer;
  const args = shares.map((share): LaneArgs<A> => ({ scope, filter: share, programs, params, reducer: named }));
  if (args.length === 1) {
    yield* reduced(database, args[0] as LaneArgs<A>, reduce);
    return;
  }
  const task: LaneTask<LaneArgs<A>, R> = { module: import.meta.url, name: 'evaluateLane', run: (db, a) => reduced(db, a, reduce) };
  yield* runLanes(database, task, args);
}
