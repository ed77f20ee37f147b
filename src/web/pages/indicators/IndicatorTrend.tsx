import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorResult } from '../../../contracts/indicators.ts';
import { api } from '../../api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { chartSizes } from './chart-options.ts';
import { formatFigure, gapsPath, hasGapList, type Trend, useIndicatorName } from './indicator-api.ts';
import { MetStatus } from './MetStatus.tsx';

const captionId = 'ind-trend-caption';
const TrendChart = lazy(() => import('./IndicatorCharts.tsx').then((m) => ({ default: m.TrendChart })));

type Series = Trend['series'][number];

/** 历年趋势: the charted indicator's line (2020 baseline, each year, target), then every indicator by year in a table. */
export function IndicatorTrend({
  org,
  indicators,
  charted,
}: {
  org: string;
  indicators: readonly IndicatorResult[];
  charted: IndicatorResult | undefined;
}) {
  const { t } = useTranslation();
  const nameOf = useIndicatorName();
  const trend = useQuery({
    queryKey: ['indicators', 'trend', org],
    queryFn: () => api<Trend>(`/api/v1/indicators/trend${org ? `?org=${org}` : ''}`),
  });
  const caption = t('indicators.trendCaption');
  const series = trend.data?.series.find((s) => s.key === charted?.key);
  const height = chartSizes(usePreferences().careMode).trendHeight;
  return (
    <section className="indicator-section" aria-labelledby="ind-trend">
      <h2 id="ind-trend">{t('indicators.trendTitle')}</h2>
      <ErrorAlert error={trend.error} />
      {trend.isPending && <Spin />}
      {trend.data && (
        <ChartFigure
          id="ind-trend-figure"
          caption={charted ? t('indicators.trendFigure', { name: nameOf(charted) }) : caption}
          chart={charted && series && <TrendChart org={org} charted={charted} series={series} height={height} describedBy={captionId} />}
          height={height}
          tableId={captionId}
          tableCaption={caption}
        >
          <thead>
            <tr>
              <th scope="col">{t('indicators.name')}</th>
              {trend.data.years.map((y) => (
                <th scope="col" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.data.series.map((s) => {
              const match = indicators.find((i) => i.key === s.key);
              return (
                <TrendRow
                  key={s.key}
                  series={s}
                  years={trend.data.years}
                  org={org}
                  unit={match?.unit ?? 'fraction'}
                  name={match ? nameOf(match) : s.name}
                  charted={s.key === charted?.key}
                />
              );
            })}
          </tbody>
        </ChartFigure>
      )}
    </section>
  );
}

/** One indicator's values by year; each value links to that year's gap list when the indicator has one. */
function TrendRow(props: {
  series: Series;
  years: readonly number[];
  org: string;
  unit: IndicatorResult['unit'];
  name: string;
  charted: boolean;
}) {
  const { t } = useTranslation();
  const { series: s } = props;
  return (
    <tr className={props.charted ? 'charted' : undefined}>
      <th scope="row">{props.name}</th>
      {props.years.map((y) => {
        const p = s.points.find((x) => x.year === y);
        const value = formatFigure(p?.value, props.unit);
        return (
          <td key={y} className="number">
            {p && hasGapList({ key: s.key, denominator: p.denominator }) ? (
              <Link to={gapsPath(s.key, y, props.org)} aria-label={t('indicators.openYearGaps', { value, year: y, name: props.name })}>
                {value}
              </Link>
            ) : (
              value
            )}
            {p && p.met !== null && (
              <>
                <br />
                <MetStatus met={p.met} />
              </>
            )}
          </td>
        );
      })}
    </tr>
  );
}
