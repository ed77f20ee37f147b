import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { IndicatorResult } from '../../../contracts/indicators.ts';

/** The ECharts option of the indicator charts, typed by the parts registered in echarts-setup.ts. */
export type IndicatorChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | AriaComponentOption
>;

type Unit = IndicatorResult['unit'];

// Every colour has ≥ 3:1 contrast on the white page (WCAG 1.4.11); met / not met is also told by text, symbol
// shape and (for bars) a striped pattern, never by colour alone (1.4.1).
export const chartColors = {
  value: '#0b57d0',
  target: '#8a4b00',
  met: '#1f6e07',
  notMet: '#b3261e',
  none: '#595959',
  text: '#1f1f1f',
  axis: '#4a4a4a',
  grid: '#d0d0d0',
} as const;

/** Font, symbol and line sizes: larger in 关怀模式 (care mode). */
export type ChartSizes = { font: number; label: number; symbol: number; line: number; rowHeight: number; trendHeight: number };

/** The sizes for normal and care mode. */
export function chartSizes(careMode: boolean): ChartSizes {
  return careMode
    ? { font: 18, label: 18, symbol: 14, line: 3, rowHeight: 44, trendHeight: 440 }
    : { font: 14, label: 14, symbol: 10, line: 2, rowHeight: 32, trendHeight: 340 };
}

/** A figure in chart units: rates as percent with one decimal (so ECharts' own description reads "95.1"), counts as they are. */
export function toChartValue(value: number | null | undefined, unit: Unit): number | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return unit === 'fraction' ? Math.round(value * 1000) / 10 : Math.round(value);
}

/** A chart value as a label: "95.1%" or "489". */
function chartLabel(value: number, unit: Unit): string {
  return unit === 'fraction' ? `${value.toFixed(1)}%` : value.toLocaleString('zh-CN');
}

/** Texts for met / not met / no target, as the tables show them. */
export type StatusTexts = { met: string; notMet: string; noTarget: string };

/** The status as text with the same icon as the tables' MetStatus. */
export function statusText(met: boolean | null, texts: StatusTexts): string {
  if (met === null) return texts.noTarget;
  return met ? `✔ ${texts.met}` : `✘ ${texts.notMet}`;
}

function statusColor(met: boolean | null): string {
  if (met === null) return chartColors.none;
  return met ? chartColors.met : chartColors.notMet;
}

// Diagonal stripes over a "not met" bar: the pattern, besides the label, that tells it from a met bar.
const notMetDecal = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 4],
  rotation: -Math.PI / 4,
  color: 'rgba(255, 255, 255, 0.75)',
};

function axisText(sizes: ChartSizes) {
  return { color: chartColors.axis, fontSize: sizes.font };
}

function valueAxis(unit: Unit, sizes: ChartSizes, fixedZero: boolean) {
  return {
    type: 'value' as const,
    min: fixedZero ? 0 : undefined,
    max: unit === 'fraction' ? 100 : undefined,
    scale: !fixedZero,
    // hideOverlap: on a phone the value axis has room for fewer ticks than ECharts picks.
    axisLabel: { ...axisText(sizes), hideOverlap: true, formatter: unit === 'fraction' ? '{value}%' : '{value}' },
    axisLine: { show: true, lineStyle: { color: chartColors.axis } },
    splitLine: { lineStyle: { color: chartColors.grid } },
  };
}

/** One unit's bar in the town comparison. */
export type TownBar = { code: string; name: string; value: number | null; met: boolean | null };

/** Texts of the town comparison chart. */
export type TownChartTexts = StatusTexts & { target: string; series: string; aria: string };

/**
 * The town comparison as horizontal bars (one per unit, first at the top), coloured, labelled and patterned by
 * met / not met, with the target as a dashed line. Bars start at 0 so lengths compare honestly.
 */
export function townChartOption(input: {
  unit: Unit;
  bars: readonly TownBar[];
  target: number | null;
  texts: TownChartTexts;
  sizes: ChartSizes;
  clickable: boolean;
}): IndicatorChartOption {
  const { unit, sizes, texts } = input;
  const target = toChartValue(input.target, unit);
  const data = input.bars.map((b) => {
    const value = toChartValue(b.value, unit);
    const color = statusColor(b.met);
    return {
      value,
      name: b.name,
      itemStyle: { color, borderColor: color, decal: b.met === false ? notMetDecal : undefined },
      label: { formatter: value === null ? '—' : `${chartLabel(value, unit)}  ${statusText(b.met, texts)}` },
    };
  });
  return {
    aria: ariaOption(texts.aria),
    textStyle: { fontSize: sizes.font, color: chartColors.text },
    grid: { left: 8, right: sizes.label * 10, top: sizes.label * 2, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: valueAxis(unit, sizes, true),
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.bars.map((b) => b.name),
      axisLabel: { ...axisText(sizes), interval: 0 },
      axisLine: { lineStyle: { color: chartColors.axis } },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: texts.series,
        data,
        barMaxWidth: sizes.rowHeight * 0.7,
        cursor: input.clickable ? 'pointer' : 'default',
        label: { show: true, position: 'right', distance: sizes.label * 0.6, color: chartColors.text, fontSize: sizes.label },
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: chartColors.target, type: 'dashed', width: sizes.line },
                label: {
                  formatter: `${texts.target} ${chartLabel(target, unit)}`,
                  color: chartColors.target,
                  fontSize: sizes.label,
                  position: 'start',
                },
                data: [{ xAxis: target }],
              },
      },
    ],
  };
}

/** One year of a trend. */
export type TrendYear = { year: number; value: number | null; target: number | null; met: boolean | null };

/** Texts of the trend chart. */
export type TrendChartTexts = StatusTexts & { value: string; target: string; baseline: string; aria: string };

/**
 * An indicator's trend: the plan's 2020 baseline, then each year's value (symbol and axis label tell met / not
 * met), and the target as a dashed line (a line, not a constant, because income growth's target moves each year).
 */
export function trendChartOption(input: {
  unit: Unit;
  baseline: number | null;
  years: readonly TrendYear[];
  texts: TrendChartTexts;
  sizes: ChartSizes;
  clickable: boolean;
}): IndicatorChartOption {
  const { unit, sizes, texts } = input;
  const categories = ['2020', ...input.years.map((y) => String(y.year))];
  const status = new Map<string, string>([
    ['2020', texts.baseline],
    ...input.years.map((y) => [String(y.year), statusText(y.met, texts)] as const),
  ]);
  const baseline = toChartValue(input.baseline, unit);
  const points = [
    { value: baseline, symbol: 'emptyCircle' },
    ...input.years.map((y) => ({
      value: toChartValue(y.value, unit),
      symbol: y.met === false ? 'triangle' : y.met ? 'circle' : 'emptyCircle',
    })),
  ];
  return {
    aria: ariaOption(texts.aria),
    textStyle: { fontSize: sizes.font, color: chartColors.text },
    legend: {
      top: 0,
      selectedMode: false,
      textStyle: { color: chartColors.text, fontSize: sizes.font },
      itemWidth: sizes.font * 2,
      itemHeight: sizes.font * 0.8,
      // The target's key is its dashed line only (the series draws no symbols).
      data: [{ name: texts.value }, { name: texts.target, itemStyle: { opacity: 0 } }],
    },
    grid: { left: 8, right: sizes.font * 2, top: sizes.font * 3.5, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: true,
      axisLabel: {
        ...axisText(sizes),
        interval: 0,
        lineHeight: sizes.font * 1.4,
        formatter: (v: string) => `${v}\n${status.get(v) ?? ''}`,
      },
      axisLine: { lineStyle: { color: chartColors.axis } },
    },
    yAxis: valueAxis(unit, sizes, false),
    series: [
      {
        type: 'line',
        name: texts.value,
        data: points,
        color: chartColors.value,
        symbolSize: sizes.symbol,
        lineStyle: { width: sizes.line },
        cursor: input.clickable ? 'pointer' : 'default',
        label: {
          show: true,
          position: 'top',
          color: chartColors.text,
          fontSize: sizes.label,
          formatter: ({ value }) => (typeof value === 'number' ? chartLabel(value, unit) : ''),
        },
      },
      {
        type: 'line',
        name: texts.target,
        data: [null, ...input.years.map((y) => toChartValue(y.target, unit))],
        color: chartColors.target,
        symbol: 'none',
        silent: true,
        lineStyle: { width: sizes.line, type: 'dashed' },
      },
    ],
  };
}

/** ECharts' generated description (role=img + aria-label on the chart) with our introduction instead of its title. */
function ariaOption(intro: string): AriaComponentOption {
  return { enabled: true, label: { enabled: true, general: { withoutTitle: intro }, data: { maxCount: 60 } } };
}
