import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { IndicatorResult } from '../../../contracts/indicators.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { EChart } from '../../components/EChart.tsx';
import { chartSizes, type StatusTexts, type TownBar, townChartOption, trendChartOption } from './chart-options.ts';
import './echarts-setup.ts';
import { gapsPath, hasGapList, type TownComparison as Towns, type Trend, useIndicatorName } from './indicator-api.ts';

// The charts and ECharts are a chunk of their own, loaded after the page (React.lazy): the tables, which hold the
// same values and are the keyboard path, show at once, and ECharts costs nothing to the rest of the app.

type Series = Trend['series'][number];

/** Met / not met / no target, as the tables say them. */
function statusTexts(t: TFunction): StatusTexts {
  return { met: t('indicators.met'), notMet: t('indicators.notMet'), noTarget: t('indicators.noTarget') };
}

/** An indicator chart in the page's language, still in care mode, described by its data table. */
function IndicatorEChart(props: {
  option: EChartsCoreOption;
  height: number;
  describedBy: string;
  onItemClick: (event: ECElementEvent) => void;
}) {
  const { i18n } = useTranslation();
  const { careMode } = usePreferences();
  return (
    <EChart
      option={props.option}
      height={props.height}
      language={i18n.language}
      describedBy={props.describedBy}
      still={careMode}
      onItemClick={props.onItemClick}
    />
  );
}

/** The bar chart of one indicator across the units; a click on a bar opens that unit's gap list. */
export function TownChart(props: { year: number; charted: IndicatorResult; towns: Towns; height: number; describedBy: string }) {
  const { year, charted, towns } = props;
  const { t } = useTranslation();
  const { careMode } = usePreferences();
  const navigate = useNavigate();
  const nameOf = useIndicatorName();
  const units = towns.units.map((u) => ({ code: u.code, result: u.indicators.find((i) => i.key === charted.key) }));
  const clickable = units.some((u) => u.result && hasGapList(u.result));
  const name = nameOf(charted);
  const option = useMemo(() => {
    const bars: TownBar[] = towns.units.map((u) => {
      const r = u.indicators.find((i) => i.key === charted.key);
      return { code: u.code, name: u.name, value: r?.value ?? null, met: r?.met ?? null };
    });
    const target = towns.units.flatMap((u) => u.indicators).find((i) => i.key === charted.key && i.target !== null)?.target ?? null;
    return townChartOption({
      unit: charted.unit,
      bars,
      target,
      sizes: chartSizes(careMode),
      clickable,
      texts: {
        ...statusTexts(t),
        target: t('indicators.chartTarget'),
        series: name,
        aria: t('indicators.townsChartAria', { name, year, unit: t(`indicators.chartUnit.${charted.unit}`) }),
      },
    });
  }, [towns, charted, careMode, clickable, name, year, t]);
  const open = (event: ECElementEvent) => {
    const unit = units[event.dataIndex];
    if (event.componentType === 'series' && unit?.result && hasGapList(unit.result)) navigate(gapsPath(charted.key, year, unit.code));
  };
  return <IndicatorEChart option={option} height={props.height} describedBy={props.describedBy} onItemClick={open} />;
}

/** The line chart of one indicator; a click on a year's point opens that year's gap list (2020 is the plan's baseline: none). */
export function TrendChart(props: { org: string; charted: IndicatorResult; series: Series; height: number; describedBy: string }) {
  const { org, charted, series } = props;
  const { t } = useTranslation();
  const { careMode } = usePreferences();
  const navigate = useNavigate();
  const nameOf = useIndicatorName();
  const name = nameOf(charted);
  const clickable = series.points.some((p) => hasGapList({ key: series.key, denominator: p.denominator }));
  const option = useMemo(
    () =>
      trendChartOption({
        unit: charted.unit,
        baseline: charted.baseline,
        years: series.points.map((p) => ({ year: p.year, value: p.value, target: p.target, met: p.met })),
        sizes: chartSizes(careMode),
        clickable,
        texts: {
          ...statusTexts(t),
          value: t('indicators.chartValue'),
          target: t('indicators.chartTarget'),
          baseline: t('indicators.chartBaseline'),
          aria: t('indicators.trendChartAria', { name, unit: t(`indicators.chartUnit.${charted.unit}`) }),
        },
      }),
    [series, charted, careMode, clickable, name, t],
  );
  const open = (event: ECElementEvent) => {
    // Index 0 is the 2020 baseline; the target line is silent.
    const point = event.componentType === 'series' && event.seriesIndex === 0 ? series.points[event.dataIndex - 1] : undefined;
    if (point && hasGapList({ key: series.key, denominator: point.denominator })) navigate(gapsPath(series.key, point.year, org));
  };
  return <IndicatorEChart option={option} height={props.height} describedBy={props.describedBy} onItemClick={open} />;
}
