import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type GapPageSchema,
  type IndicatorDocument,
  IndicatorKeySchema,
  type IndicatorResult,
  planYears,
  type TownComparisonSchema,
  type TrendSchema,
} from '../../../contracts/indicators.ts';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';

/** A page of a gap list (GET /api/v1/indicators/{key}/gaps). */
export type GapPage = z.infer<typeof GapPageSchema>;
/** The town comparison (GET /api/v1/indicators/towns). */
export type TownComparison = z.infer<typeof TownComparisonSchema>;
/** Each indicator's value per year (GET /api/v1/indicators/trend). */
export type Trend = z.infer<typeof TrendSchema>;

export { planYears };
/** The year the dashboard opens on. */
export const defaultYear = 2025;

/** Query string of year and org (org omitted: the caller's own unit). */
export function yearOrgQuery(year: number, org: string, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ year: String(year), ...(org ? { org } : {}), ...extra });
  return p.toString();
}

/** The year from the URL, or the default when missing or outside the plan. */
export function parseYear(raw: string | null): number {
  const y = Number(raw);
  return (planYears as readonly number[]).includes(y) ? y : defaultYear;
}

/** The org code from the URL when it looks like one (6, 9 or 12 digits), else '' (the caller's unit). */
export function parseOrg(raw: string | null): string {
  return raw && /^(\d{6}|\d{9}|\d{12})$/.test(raw) ? raw : '';
}

/** The indicator the charts show, from the URL when it is a known key, else '' (the first of the table). */
export function parseIndicatorKey(raw: string | null): IndicatorResult['key'] | '' {
  const parsed = IndicatorKeySchema.safeParse(raw);
  return parsed.success ? parsed.data : '';
}

/** The gap list of an indicator for a year and org; `chart` is kept so "返回指标" comes back to the same chart. */
export function gapsPath(key: string, year: number, org: string, chart = key): string {
  return `/indicators/${key}/gaps?${yearOrgQuery(year, org, { indicator: chart })}`;
}

/** The plan's table for a year and org. */
export function useIndicators(year: number, org: string) {
  return useQuery({
    queryKey: ['indicators', year, org],
    queryFn: () => api<IndicatorDocument>(`/api/v1/indicators?${yearOrgQuery(year, org)}`),
  });
}

/** Binding (约束性) indicators first, the plan's order otherwise. */
export function bindingFirst<T extends Pick<IndicatorResult, 'kind'>>(items: readonly T[]): T[] {
  return [...items.filter((i) => i.kind === 'binding'), ...items.filter((i) => i.kind !== 'binding')];
}

/** A figure as shown: rates as percentages (one decimal), counts as integers; null as a dash. */
export function formatFigure(value: number | null | undefined, unit: IndicatorResult['unit'], locale = 'zh-CN'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'fraction') return `${(value * 100).toFixed(1)}%`;
  return Math.round(value).toLocaleString(locale);
}

/** Whether an indicator has a gap list (income growth has none; counts have no denominator). */
export function hasGapList(i: Pick<IndicatorResult, 'key' | 'denominator'>): boolean {
  return i.key !== 'incomeGrowth' && i.denominator !== null;
}

/** The indicator's display name in the current language. */
export function useIndicatorName(): (i: Pick<IndicatorResult, 'name' | 'nameEn'>) => string {
  const { i18n } = useTranslation();
  return (i) => (i18n.language.startsWith('en') ? i.nameEn : i.name);
}
