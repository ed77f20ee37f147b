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
import { formatFigure, gapsPath, hasGapList, type TownComparison as Towns, useIndicatorName, yearOrgQuery } from './indicator-api.ts';
import { MetStatus } from './MetStatus.tsx';

const captionId = 'ind-towns-caption';
const TownChart = lazy(() => import('./IndicatorCharts.tsx').then((m) => ({ default: m.TownChart })));

/** 各镇对比: the charted indicator as bars per unit (click a bar: its gap list), then every indicator in a table. */
export function TownComparison({ year, org, charted }: { year: number; org: string; charted: IndicatorResult | undefined }) {
  const { t } = useTranslation();
  const nameOf = useIndicatorName();
  const towns = useQuery({
    queryKey: ['indicators', 'towns', year, org],
    queryFn: () => api<Towns>(`/api/v1/indicators/towns?${yearOrgQuery(year, org)}`),
  });
  const caption = t('indicators.townsCaption', { year });
  const sizes = chartSizes(usePreferences().careMode);
  const height = Math.max(200, (towns.data?.units.length ?? 0) * sizes.rowHeight + sizes.font * 4);
  return (
    <section className="indicator-section" aria-labelledby="ind-towns">
      <h2 id="ind-towns">{t('indicators.townsTitle')}</h2>
      <ErrorAlert error={towns.error} />
      {towns.isPending && <Spin />}
      {towns.data && (
        <ChartFigure
          id="ind-towns-figure"
          caption={charted ? t('indicators.townsFigure', { name: nameOf(charted), year }) : caption}
          chart={charted && <TownChart year={year} charted={charted} towns={towns.data} height={height} describedBy={captionId} />}
          height={height}
          tableId={captionId}
          tableCaption={caption}
        >
          <thead>
            <tr>
              <th scope="col">{t('indicators.unit')}</th>
              {(towns.data.units[0]?.indicators ?? []).map((i) => (
                <th scope="col" key={i.key} className={i.key === charted?.key ? 'charted' : undefined}>
                  {nameOf(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {towns.data.units.map((u) => (
              <tr key={u.code}>
                <th scope="row">{u.name}</th>
                {u.indicators.map((i) => (
                  <td key={i.key} className={i.key === charted?.key ? 'number charted' : 'number'}>
                    <TownValue indicator={i} unit={u} year={year} name={nameOf(i)} />
                    {i.met !== null && (
                      <>
                        <br />
                        <MetStatus met={i.met} />
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ChartFigure>
      )}
    </section>
  );
}

/** A unit's value, as a link to that unit's gap list when the indicator has one (the keyboard path). */
function TownValue(props: { indicator: IndicatorResult; unit: { code: string; name: string }; year: number; name: string }) {
  const { t } = useTranslation();
  const { indicator: i, unit } = props;
  const value = formatFigure(i.value, i.unit);
  if (!hasGapList(i)) return <>{value}</>;
  return (
    <Link
      to={gapsPath(i.key, props.year, unit.code)}
      aria-label={t('indicators.openTownGaps', { value, unit: unit.name, name: props.name })}
    >
      {value}
    </Link>
  );
}
