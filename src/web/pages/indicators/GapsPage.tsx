import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { IndicatorKeySchema } from '../../../contracts/indicators.ts';
import { ApiError, api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { type GapPage, parseIndicatorKey, parseOrg, parseYear, useIndicatorName, useIndicators, yearOrgQuery } from './indicator-api.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PersonPlaceCells, personPlaceHeaders } from '../../components/PersonCells.tsx';

const pageSize = 50;

/** 差距名单: the persons in an indicator's denominator but not its numerator, masked, with the reason. */
export function GapsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const year = parseYear(params.get('year'));
  const org = parseOrg(params.get('org'));
  const chart = parseIndicatorKey(params.get('indicator'));
  const valid = IndicatorKeySchema.safeParse(key).success;
  const doc = useIndicators(year, org);
  const nameOf = useIndicatorName();
  const query = useInfiniteQuery({
    queryKey: ['indicator-gaps', key, year, org],
    enabled: valid,
    queryFn: ({ pageParam }) =>
      api<GapPage>(
        `/api/v1/indicators/${key}/gaps?${yearOrgQuery(year, org, { limit: String(pageSize), ...(pageParam ? { cursor: String(pageParam) } : {}) })}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  const indicator = doc.data?.indicators.find((i) => i.key === key);
  const title = t('gaps.title', { name: indicator ? nameOf(indicator) : key });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const status = query.isPending ? t('gaps.loading') : query.isSuccess ? t('gaps.count', { count: total, shown: items.length }) : '';
  const caption = t('gaps.caption', { org: doc.data?.orgName ?? '', year });
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to={`/indicators?${yearOrgQuery(year, org, chart ? { indicator: chart } : {})}`}>{t('gaps.back')}</Link>
      </p>
      <div className="page-actions">{can(user, 'person.export') && <GapExportButton indicatorKey={key} year={year} org={org} />}</div>
      <ListStatus query={query} status={status} count={items.length} none={t('gaps.none')} />
      {items.length > 0 && (
        <DataTable caption={caption} headers={[...personPlaceHeaders(t), t('person.category'), t('person.level'), t('gaps.reason')]}>
          {items.map((p) => (
            <tr key={p.id}>
              <PersonPlaceCells id={p.id} name={p.name} idNumber={p.idNumber} town={p.townName} village={p.villageName} />
              <td>{t(`category.${p.category}`, { defaultValue: p.category })}</td>
              <td>{t(`level.${p.level}`, { defaultValue: String(p.level) })}</td>
              <td>{p.reason.message}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <LoadMore query={query} />
    </>
  );
}

/** 导出: the whole gap list as .xlsx (masked and audited by the server). */
function GapExportButton({ indicatorKey, year, org }: { indicatorKey: string; year: number; org: string }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      path={`/api/v1/indicators/${indicatorKey}/gaps.xlsx?${yearOrgQuery(year, org)}`}
      fallbackName="gaps.xlsx"
      label={t('gaps.export')}
    />
  );
}
