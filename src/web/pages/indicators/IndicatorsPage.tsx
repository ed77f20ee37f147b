import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
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
  gapsPath,
  hasGapList,
  parseIndicatorKey,
  parseOrg,
  parseYear,
  planYears,
  useIndicatorName,
  useIndicators,
  yearOrgQuery,
} from './indicator-api.ts';
import { IndicatorTrend } from './IndicatorTrend.tsx';
import { MetStatus } from './MetStatus.tsx';
import { TownComparison } from './TownComparison.tsx';
import './indicators.css';

/** The org units the selector offers: the user's own unit, then its towns (for a county user). */
function orgChoices(root: OrgNode | undefined): OrgNode[] {
  if (!root) return [];
  return root.level === 'county' ? [root, ...root.children] : [root];
}

/**
 * 指标: the plan's 11 indicators for a year and org, then the town comparison and the trend, each a chart of the
 * chosen indicator above a table of all of them, with the plan report.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const org = parseOrg(params.get('org'));
  const tree = useOrgTree();
  const doc = useIndicators(year, org);
  const nameOf = useIndicatorName();
  const chartKey = parseIndicatorKey(params.get('indicator'));
  const setFilter = (next: { year?: number; org?: string; indicator?: string }) => {
    const y = next.year ?? year;
    const o = next.org ?? org;
    const k = next.indicator ?? chartKey;
    setParams(new URLSearchParams(yearOrgQuery(y, o, k ? { indicator: k } : {})), { replace: true });
  };
  const choices = orgChoices(tree.data);
  const selectedOrg = org || tree.data?.code || '';
  const rows = bindingFirst(doc.data?.indicators ?? []);
  // The charts show one indicator at a time: the one chosen, else the first of the table.
  const charted = rows.find((i) => i.key === chartKey) ?? rows[0];
  const caption = doc.data ? t('indicators.caption', { org: doc.data.orgName, year: doc.data.year, asOf: doc.data.asOf }) : '';

  return (
    <>
      <PageTitle>{t('indicators.title')}</PageTitle>
      <div className="page-actions">
        <ReportButton year={year} org={org} />
        <Link className="link-button" to="/indicators/parameters">
          {t('indicatorParams.title')}
        </Link>
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
        <SelectField
          id="ind-chart"
          label={t('indicators.chartIndicator')}
          value={charted?.key ?? ''}
          options={rows.map((i) => ({ value: i.key, label: nameOf(i) }))}
          onChange={(v) => setFilter({ indicator: v })}
          disabled={rows.length === 0}
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
                        <Link to={gapsPath(i.key, year, org)} aria-label={t('indicators.openGaps', { value, name: nameOf(i) })}>
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

      {doc.data && (
        <>
          <TownComparison year={year} org={org} charted={charted} />
          <IndicatorTrend org={org} indicators={doc.data.indicators} charted={charted} />
        </>
      )}
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
