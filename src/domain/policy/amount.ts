import { cachedIn } from '../memo.ts';
import type { Day } from '../time/day.ts';
import { type Reason, info } from './decision.ts';
import { type Param, type ParamSet, lookup } from './parameters.ts';

/** Yuan with two decimals from fen, for messages (money stays integer fen everywhere else). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

type Amount = { fen: number | null; reason: Reason };

// An amount line depends only on the entry in force (or the parameter when none is) and the label: built once per
// run and shared, frozen, by every decision that cites it.
const amountLines = new WeakMap<object, Map<string, Amount>>();

function sharedLine(key: object, label: string, build: () => Amount): Amount {
  return cachedIn(amountLines, key, label, () => {
    const built = build();
    return Object.freeze({ fen: built.fen, reason: Object.freeze(built.reason) });
  });
}

/** The monthly amount in force with its explanatory reason; null (not 0) when no standard is in force. */
export function standardAmount(set: ParamSet, param: Param<number>, day: Day, label: string): Amount {
  const entry = lookup(set, param, day);
  if (!entry)
    return sharedLine(param, `${label}\u0000none`, () => ({
      fen: null,
      reason: info('MONTHLY_AMOUNT', false, `${label}在该日期没有生效的标准，请管理员录入`, param.source),
    }));
  return sharedLine(entry, label, () => ({
    fen: entry.value,
    reason: info('MONTHLY_AMOUNT', true, `${label}${yuan(entry.value)}元/月（自${entry.from}起）`, entry.source),
  }));
}

/** An explanatory line for a yearly amount (programmes paid per year have no monthly amount). */
export function annualAmountReason(set: ParamSet, param: Param<number>, day: Day, label: string): Reason {
  const entry = lookup(set, param, day);
  if (!entry)
    return sharedLine(param, `${label}\u0000none`, () => ({
      fen: null,
      reason: info('ANNUAL_AMOUNT', false, `${label}标准未录入`, param.source),
    })).reason;
  return sharedLine(entry, `${label}\u0000annual`, () => ({
    fen: entry.value,
    reason: info('ANNUAL_AMOUNT', true, `${label}${yuan(entry.value)}元/年（自${entry.from}起）`, entry.source),
  })).reason;
}
