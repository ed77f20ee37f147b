/**
 * The persons of the demo county: a deterministic synthetic registry of certificate holders for 佛冈县,
 * FICTIONAL throughout (names, ID numbers, phones, villages). Same options → identical rows.
 */
import { addYears, parseDay } from './days.ts';
import { demoRates, demoTowns, idRegionWeights } from './distributions.ts';
import { createIdAllocator } from './id-allocator.ts';
import { pickSurname } from './names.ts';
import { buildDemoPerson, type DemoHousehold, type DemoPerson } from './person-builder.ts';
import { createRandom, type Random, weightedPicker } from './random.ts';
import { type DemoVillage, demoVillages } from './villages.ts';

export type { DemoPerson } from './person-builder.ts';

/** Options of the demo generator. */
export type DemoPersonsOptions = {
  /** How many persons (default `defaultDemoPersonCount`). */
  persons?: number;
  /** Any safe integer; a different seed gives different persons. */
  seed: number;
  /** Reference date 'YYYY-MM-DD': ages, certificate expiry and deaths are relative to it. */
  asOf: string;
};

/** The default size of the demo county's registry. */
export const defaultDemoPersonCount = 10_000;

/** Oldest person generated, in years (the ID allocator covers one more). */
const maxAgeYears = 100;

/** A town's units split by kind, for drawing where a household lives. */
type TownUnits = { readonly communities: DemoVillage[]; readonly villages: DemoVillage[]; readonly share: number };

/** Groups the demo villages by town. */
function unitsByTown(): Map<string, TownUnits> {
  const byTown = new Map<string, TownUnits>();
  for (const town of demoTowns) {
    byTown.set(town.code, { communities: [], villages: [], share: town.communityShare });
  }
  for (const unit of demoVillages()) {
    const units = byTown.get(unit.townCode);
    (unit.kind === 'community' ? units?.communities : units?.villages)?.push(unit);
  }
  return byTown;
}

/** Creates the household drawer: town by weight, community or village by the town's share, hukou by kind. */
function householdDrawer(): (random: Random, size: number) => DemoHousehold {
  const byTown = unitsByTown();
  const pickTown = weightedPicker(demoTowns.map((town) => [town.code, town.weight] as const));
  const lastNumber = new Map<string, number>();
  return (random, size) => {
    const townCode = pickTown(random);
    const units = byTown.get(townCode);
    if (units === undefined) {
      throw new Error(`no units for town ${townCode}`);
    }
    const inCommunity = random.chance(units.share);
    const village = random.pick(inCommunity ? units.communities : units.villages);
    const urban = inCommunity ? random.chance(demoRates.urbanInCommunity) : !random.chance(demoRates.ruralInVillage);
    const number = (lastNumber.get(village.code) ?? 0) + 1;
    lastNumber.set(village.code, number);
    return {
      townCode,
      villageCode: village.code,
      hukou: urban ? 'urban' : 'rural',
      householdNo: `HH${village.code}-${String(number).padStart(4, '0')}`,
      surname: pickSurname(random),
      shared: size > 1,
    };
  };
}

/** Members in the next household group: mostly one certificate holder, sometimes two or three. */
function householdSize(random: Random): number {
  const roll = random.next();
  if (roll < demoRates.householdOfThree) {
    return 3;
  }
  return roll < demoRates.householdOfThree + demoRates.householdOfTwo ? 2 : 1;
}

/**
 * Streams the demo persons one by one with memory independent of the count (~2 MB of ID counters), for
 * benchmarks with millions of rows. The first k persons are the same whatever `persons` is.
 */
export function* generateDemoPersons(options: DemoPersonsOptions): Generator<DemoPerson, void, undefined> {
  const count = options.persons ?? defaultDemoPersonCount;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`persons must be a non-negative integer, got ${count}`);
  }
  const asOfDay = parseDay(options.asOf);
  const random = createRandom(options.seed);
  const regions = idRegionWeights.map(([code]) => code);
  const ids = createIdAllocator(regions, asOfDay, asOfDay - addYears(asOfDay, -(maxAgeYears + 2)), options.seed);
  const drawHousehold = householdDrawer();
  let emitted = 0;
  while (emitted < count) {
    // The group is drawn whole even if the count cuts it, so a prefix never depends on the count.
    const size = householdSize(random);
    const household = drawHousehold(random, size);
    for (let member = 0; member < size && emitted < count; member++) {
      yield buildDemoPerson(random, ids, asOfDay, household, member);
      emitted++;
    }
  }
}

/** The demo persons as an array (default 10,000); use `generateDemoPersons` for very large counts. */
export function demoPersons(options: DemoPersonsOptions): DemoPerson[] {
  return Array.from(generateDemoPersons(options));
}
