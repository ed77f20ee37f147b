import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';

// Shapes and helpers of the parameter, payment-roll and simulation endpoints (docs/benefits.md) for their pages.

/** The unit a parameter's values are in (money is integer fen). */
export type ParamUnit = 'fen' | 'fenPerYear' | 'permille' | 'years' | 'workingDays' | 'flag' | 'list' | 'mode' | 'days';
/** One dated value: applies from `from` until the next one; `null` ends the parameter. */
export type ParamHistoryEntry = { from: string; value: unknown; source: string };
/** A value the county admin entered, with who and when. */
export type ParamEntry = ParamHistoryEntry & { enteredBy: string; enteredAt: string };
/** A parameter as GET /api/v1/policy/parameters lists it. */
export type Parameter = {
  id: string;
  unit: ParamUnit;
  description: string;
  source: string;
  knownGaps: string | null;
  history: ParamHistoryEntry[];
  entries: ParamEntry[];
};

/** Programmes paid through monthly rolls. */
export const rollPrograms = ['livingSubsidy', 'nursingSubsidy'] as const;
export type RollProgram = (typeof rollPrograms)[number];

/** A roll as listed (totals only). */
export type RollSummary = {
  id: number;
  program: RollProgram;
  month: string;
  status: 'draft' | 'approved';
  persons: number;
  totalFen: number;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  version: number;
};
/** One person's payment in a roll (ID and account masked). */
export type RollLine = {
  personId: number;
  name: string;
  idNumber: string | null;
  town: string;
  amountFen: number;
  bankAccount: string | null;
};
/** A roll with its lines. */
export type RollDetail = Omit<RollSummary, 'createdBy' | 'createdAt'> & { lines: RollLine[] };

type ComparePerson = { personId: number; name: string; idNumber: string | null; town: string };
/** What changed between two months' rolls. */
export type RollComparison = {
  program: RollProgram;
  from: string;
  to: string;
  added: (ComparePerson & { amountFen: number })[];
  stopped: (ComparePerson & { amountFen: number; reason: string })[];
  changed: (ComparePerson & { fromFen: number; toFen: number })[];
};

type SimTotals = { persons: number; annualFen: number };
/** One town's simulated figures for a programme. */
export type SimTown = { town: string; program: string; base: SimTotals; reform: SimTotals; morePersons: number; moreAnnualFen: number };
/** The answer of POST /api/v1/benefits/simulate. */
export type SimResult = {
  date: string;
  towns: SimTown[];
  total: { morePersons: number; moreAnnualFen: number; basePersons: number; reformPersons: number };
};

/** The parameter catalog with histories (not personal: cached for a minute). */
export function useParameters() {
  return useQuery({
    queryKey: ['policy-parameters'],
    queryFn: () => api<{ items: Parameter[] }>('/api/v1/policy/parameters').then((r) => r.items),
    staleTime: 60_000,
  });
}

/** The history entry in force on a day, or undefined before the first one. */
export function entryOn(history: readonly ParamHistoryEntry[], day: string): ParamHistoryEntry | undefined {
  let found: ParamHistoryEntry | undefined;
  for (const e of history) if (e.from <= day) found = e;
  return found;
}

/** The value in force on a day: undefined when none is known (or the parameter was ended). */
export function valueOn<T>(param: Parameter | undefined, day: string): T | undefined {
  const e = param ? entryOn(param.history, day) : undefined;
  return e && e.value !== null ? (e.value as T) : undefined;
}

/** The day before a YYYY-MM-DD day (an entry's last day is the day before the next one starts). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Who entered a history entry: the latest admin entry for that date, or null for the catalog's own value. */
export function enteredBy(param: Parameter, entry: ParamHistoryEntry): ParamEntry | null {
  const same = param.entries.filter((e) => e.from === entry.from && e.source === entry.source);
  return same.at(-1) ?? null;
}

/** Yuan text (two decimals) of an amount in fen. */
export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Yuan with thousands separators, for totals. */
export function yuanTotal(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Reads a yuan amount typed by a user ("290", "290.5", "1,200.00") as integer fen; null when not a valid amount. */
export function yuanToFen(text: string): number | null {
  const clean = text.replace(/[,，\s]/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, part = ''] = clean.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

/** A YYYY-MM month shifted by n months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Sums a roll's lines per town: persons and amount, in town order. */
export function totalsByTown(lines: readonly RollLine[]): { town: string; persons: number; amountFen: number }[] {
  const byTown = new Map<string, { town: string; persons: number; amountFen: number }>();
  for (const l of lines) {
    const row = byTown.get(l.town) ?? { town: l.town, persons: 0, amountFen: 0 };
    row.persons += 1;
    row.amountFen += l.amountFen;
    byTown.set(l.town, row);
  }
  return [...byTown.values()].sort((a, b) => (a.town < b.town ? -1 : 1));
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A parameter value as text in the current language: amounts in 元, flags as 是/否, lists joined. */
export function formatParamValue(param: Pick<Parameter, 'id' | 'unit'>, value: unknown, t: Translate): string {
  if (value === null) return t('policy.value.ended');
  if (value === undefined) return t('policy.value.unknown');
  switch (param.unit) {
    case 'fen':
      return t('policy.value.yuanPerMonth', { amount: fenToYuan(value as number) });
    case 'fenPerYear':
      return t('policy.value.yuanPerYear', { amount: fenToYuan(value as number) });
    case 'permille':
      return t('policy.value.permille', { value, times: ((value as number) / 1000).toString() });
    case 'flag':
      return value ? t('policy.value.yes') : t('policy.value.no');
    case 'mode':
      return t(`policy.value.mode.${String(value)}`);
    case 'workingDays':
      return t('policy.value.workingDays', { value });
    case 'list':
      return listText(param.id, value as unknown[], t);
    default:
      if (typeof value === 'object') {
        const range = value as { min: number; max: number };
        return t('policy.value.ageRange', { min: range.min, max: range.max });
      }
      return t('policy.value.years', { value });
  }
}

function listText(id: string, items: readonly unknown[], t: Translate): string {
  if (items.length === 0) return t('policy.value.emptyList');
  if (/levels$/i.test(id)) return items.map((l) => t(`level.${String(l)}`)).join('、');
  if (/categories$/i.test(id)) return items.map((c) => t(`category.${String(c)}`)).join('、');
  // Calendar lists hold a whole year's days: show the count and the span rather than dozens of dates.
  if (items.length > 6) return t('policy.value.days', { count: items.length, first: items[0], last: items.at(-1) });
  return items.join('、');
}
