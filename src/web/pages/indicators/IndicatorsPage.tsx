import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import type { OrgNode } from '../../app/access-types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useOrgTree } from '../registry/org-units.ts';
import {
  bindingFirst,
  formatFigure,
  hasGapList,
  parseOrg,
  parseYear,
  planYears,
  type TownComparison,
  type Trend,
  useIndicatorName,
  useIndicators,
  yearOrgQuery,
} from './indicator-api.ts';
import { MetStatus } from './MetStatus.tsx';
import './indicators.css';

/** The org units the selector offers: the user's own unit, then its towns (for a county user). */
function orgChoices(root: OrgNode | undefined): OrgNode[] {
  if (!root) return [];
  return root.level === 'county' ? [root, ...root.children] : [root];
}

/** 指标: the plan's 11 indicators for a year and org, the town comparison and the trend, with the plan report. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const org = parseOrg(params.get('org'));
  const tree = useOrgTree();
  const doc = useIndicators(year, org);
  const nameOf = useIndicatorName();
  const towns = useQuery({
    queryKey: ['indicators', 'towns', year, org],
    queryFn: () => api<TownComparison>(`/api/v1/indicators/towns?${yearOrgQuery(year, org)}`),
  });
  const trend = useQuery({
    queryKey: ['indicators', 'trend', org],
    queryFn: () => api<Trend>(`/api/v1/indicators/trend${org ? `?org=${org}` : ''}`),
  });
  const setFilter = (next: { year?: number; org?: string }) => {
    const y = next.year ?? year;
    const o = next.org ?? org;
    setParams(new URLSearchParams(yearOrgQuery(y, o)), { replace: true });
  };
  const choices = orgChoices(tree.data);
  const selectedOrg = org || tree.data?.code || '';
  const rows = bindingFirst(doc.data?.indicators ?? []);
  const unitOf = new Map((doc.data?.indicators ?? []).map((i) => [i.key, i.unit]));
  const caption = doc.data ? t('indicators.caption', { org: doc.data.orgName, year: doc.data.year, asOf: doc.data.asOf }) : '';
  const gapsHref = (key: string) => `/indicators/${key}/gaps?${yearOrgQuery(year, org)}`;

  return (
    <>
      <PageTitle>{t('indicators.title')}</PageTitle>
      <div className="page-actions">
        <ReportButton year={year} org={org} />
      </div>
      <div className="indicator-filters">
        <SelectField
          id="ind-year"
          label={t('indicators.year')}
          value={String(year)}
          options={planYears.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(v) => setFilter({ year: Number(v) })}
        />
        <SelectField
          id="ind-org"
          label={t('indicators.org')}
          value={selectedOrg}
          options={choices.map((n) => ({ value: n.code, label: n.name }))}
          onChange={(v) => setFilter({ org: v === tree.data?.code ? '' : v })}
          disabled={choices.length <= 1}
        />
      </div>
      <StatusMessage>
        {doc.isPending ? t('indicators.loading') : doc.isSuccess ? t('indicators.loaded', { count: doc.data.indicators.length }) : ''}
      </StatusMessage>
      <ErrorAlert error={doc.error} />
      {doc.isPending && <Spin />}
      {doc.data && (
        <ScrollRegion label={caption}>
          <table className="data-table">
            <caption>
              {caption}
              <span className="caption-note">{t('indicators.captionNote')}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.name')}</th>
                <th scope="col">{t('indicators.kind')}</th>
                <th scope="col">{t('indicators.baseline')}</th>
                <th scope="col">{t('indicators.target')}</th>
                <th scope="col">{t('indicators.value')}</th>
                <th scope="col">{t('indicators.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => {
                const value = formatFigure(i.value, i.unit);
                return (
                  <tr key={i.key}>
                    <th scope="row">{nameOf(i)}</th>
                    <td>{i.kind === 'binding' ? t('indicators.binding') : t('indicators.expected')}</td>
                    <td className="number">{formatFigure(i.baseline, i.unit)}</td>
                    <td className="number">{formatFigure(i.target, i.unit)}</td>
                    <td className="number">
                      {hasGapList(i) ? (
                        <Link to={gapsHref(i.key)} aria-label={t('indicators.openGaps', { value, name: nameOf(i) })}>
                          {value}
                        </Link>
                      ) : (
                        value
                      )}
                    </td>
                    <td>
                      <MetStatus met={i.met} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <section className="indicator-section" aria-labelledby="ind-towns">
        <h2 id="ind-towns">{t('indicators.townsTitle')}</h2>
        <ErrorAlert error={towns.error} />
        {towns.isPending && <Spin />}
        {towns.data && (
          <ScrollRegion label={t('indicators.townsCaption', { year })}>
            <table className="data-table">
              <caption>{t('indicators.townsCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.unit')}</th>
                  {(towns.data.units[0]?.indicators ?? []).map((i) => (
                    <th scope="col" key={i.key}>
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
                      <td key={i.key} className="number">
                        {formatFigure(i.value, i.unit)}
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
            </table>
          </ScrollRegion>
        )}
      </section>

      <section className="indicator-section" aria-labelledby="ind-trend">
        <h2 id="ind-trend">{t('indicators.trendTitle')}</h2>
        <ErrorAlert error={trend.error} />
        {trend.isPending && <Spin />}
        {trend.data && (
          <ScrollRegion label={t('indicators.trendCaption')}>
            <table className="data-table">
              <caption>{t('indicators.trendCaption')}</caption>
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
                  const unit = unitOf.get(s.key) ?? 'fraction';
                  const match = doc.data?.indicators.find((i) => i.key === s.key);
                  return (
                    <tr key={s.key}>
                      <th scope="row">{match ? nameOf(match) : s.name}</th>
                      {trend.data.years.map((y) => {
                        const p = s.points.find((x) => x.year === y);
                        return (
                          <td key={y} className="number">
                            {formatFigure(p?.value, unit)}
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
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}

/** 导出报表: the plan report (report.xlsx) for the year and org. */
function ReportButton({ year, org }: { year: number; org: string }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      path={`/api/v1/indicators/report.xlsx?${yearOrgQuery(year, org)}`}
      fallbackName="report.xlsx"
      label={t('indicators.report')}
    />
  );
}
