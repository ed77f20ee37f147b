import type { IndicatorKey } from '../../domain/indicators/definition.ts';
import type { IndicatorRows } from './compute.ts';
import type { TallyRow } from './measure-sql.ts';

// A snapshot's totals: every indicator's rows summed over its blocks, per org unit (the village, else the town), so
// that a read parses ~100 rows per indicator instead of every block's (900 blocks × 85 villages at 1,000,000 persons:
// 0.6 s). A refresh subtracts the replaced blocks' old rows and adds their new ones. Counts stay exact; the income
// sums are floating point and may move in the last digits (the live statement's own order of additions is another).

/** One block's row of an indicator: town, village, numerator, denominator, households. */
export type StoredRow = [string, string | null, number | null, number | null, number | null];

/** A block's rows, by indicator. */
export type BlockRows = Map<IndicatorKey, StoredRow[]>;

/** A unit's sums, and how many block rows they hold (none left: the unit has no row, as in a live run). */
type TotalRow = [...StoredRow, number];

/** The totals of a snapshot as stored (JSON): by indicator key, one row per unit. */
export type Totals = Record<string, TotalRow[]>;

function plus(a: number | null, b: number | null, sign: 1 | -1): number | null {
  return a === null && b === null ? null : (a ?? 0) + sign * (b ?? 0);
}

/** The totals with the blocks' rows added (sign 1) or taken away (sign -1). */
export function addBlocks(totals: Totals, blocks: Iterable<BlockRows>, sign: 1 | -1): Totals {
  const byKey = new Map(Object.entries(totals).map(([key, rows]) => [key, new Map(rows.map((r) => [r[1] ?? r[0], r]))]));
  for (const block of blocks) {
    for (const [key, rows] of block) {
      const units = byKey.get(key) ?? new Map<string, TotalRow>();
      byKey.set(key, units);
      for (const [town, village, numerator, denominator, households] of rows) {
        const unit = village ?? town;
        const seen = units.get(unit) ?? [
          town,
          village,
          numerator === null ? null : 0,
          denominator === null ? null : 0,
          households === null ? null : 0,
          0,
        ];
        // A village lies in one town, and a unit without a village is its town: the unit's town never differs.
        units.set(unit, [
          seen[0],
          village,
          plus(seen[2], numerator, sign),
          plus(seen[3], denominator, sign),
          plus(seen[4], households, sign),
          seen[5] + sign,
        ]);
      }
    }
  }
  const out: Totals = {};
  for (const [key, units] of byKey) out[key] = [...units.values()].filter((r) => r[5] > 0);
  return out;
}

/** The totals as the rows of one statement per indicator (for rollUpAll). */
export function totalsRows(totals: Totals): IndicatorRows {
  const out: IndicatorRows = new Map();
  for (const [key, rows] of Object.entries(totals)) {
    out.set(
      key as IndicatorKey,
      rows.map(([town, village, numerator, denominator, households]): TallyRow => ({ town, village, numerator, denominator, households })),
    );
  }
  return out;
}
