import type SqliteDatabase from 'better-sqlite3';

/**
 * `indicator_unit_tally(town, village, mask)`: an SQLite aggregate that counts rows per org unit (the village, else
 * the town) and per `mask`, in a hash map. SQLite has no hash aggregate: `GROUP BY unit` sorts every person's row
 * first (1.7 s of the 3 s plain scan at 1,000,000 persons, for ~100 groups). The rates statement (rates-sql.ts)
 * evaluates every condition in SQL and folds each person's outcomes into one integer `mask`; this only counts the
 * masks, so it sees one small row per person and keeps ~100 units × a few hundred masks.
 *
 * Its value is JSON: `[[town, village, [[mask, count], …]], …]` (town is the least town code of the unit's rows and
 * village its village code, as `min(town_code)`, `min(village_code)` of a GROUP BY would give). Called with a fourth
 * argument, the block (blocks-sql.ts), it counts per block and unit, and each unit ends with its block.
 */
export const unitTallyFunction = 'indicator_unit_tally';

type Unit = { town: string; village: string | null; block: number | undefined; masks: Map<number, number> };

/** One org unit's rows (of one block, when the statement passes blocks): how many persons had each mask. */
export type UnitMasks = { town: string; village: string | null; block?: number; masks: [number, number][] };

const registered = new WeakSet<SqliteDatabase.Database>();

/** Adds one person's row to the units counted so far. */
function step(units: Map<string, Unit>, town: string, village: string | null, mask: number | bigint, block?: number | bigint): void {
  const b = block === undefined ? undefined : Number(block);
  const key = b === undefined ? (village ?? town) : `${b} ${village ?? town}`;
  let unit = units.get(key);
  if (!unit) {
    unit = { town, village, block: b, masks: new Map() };
    units.set(key, unit);
  } else if (town < unit.town) unit.town = town;
  const m = Number(mask);
  unit.masks.set(m, (unit.masks.get(m) ?? 0) + 1);
}

/** Registers the aggregate on a better-sqlite3 connection (once per connection). */
export function registerUnitTally(sqlite: SqliteDatabase.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.aggregate(unitTallyFunction, {
    start: () => new Map<string, Unit>(),
    // Three or four arguments (with a block).
    varargs: true,
    // The typings know one argument after the accumulator; SQLite passes the function's three or four.
    step: step as unknown as (units: Map<string, Unit>) => void,
    result: (units: Map<string, Unit>) =>
      JSON.stringify(
        [...units.values()].map(
          (u): TalliedUnit => (u.block === undefined ? [u.town, u.village, [...u.masks]] : [u.town, u.village, [...u.masks], u.block]),
        ),
      ),
  });
  registered.add(sqlite);
}

/** A unit in the aggregate's value: town, village, masks, and its block when the statement passed one. */
type TalliedUnit = [string, string | null, [number, number][], number?];

/** Reads the aggregate's value. */
export function readUnitTally(json: string | null): UnitMasks[] {
  if (!json) return [];
  return (JSON.parse(json) as TalliedUnit[]).map(([town, village, masks, block]) =>
    block === undefined ? { town, village, masks } : { town, village, block, masks },
  );
}

/** How many of a unit's persons have bit `bit` of their mask set. */
export function countBit(unit: UnitMasks, bit: number): number {
  const weight = 2 ** bit;
  let count = 0;
  for (const [mask, n] of unit.masks) if (Math.floor(mask / weight) % 2 === 1) count += n;
  return count;
}
