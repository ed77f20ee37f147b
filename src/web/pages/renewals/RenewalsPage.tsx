import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Empty, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { orgOptions, townsOf, useOrgTree } from '../registry/org-units.ts';
import { type RenewalFilters, type RenewalPage, renewalQuery, windows } from './renewal-api.ts';
import './renewals.css';
import { LoadMore } from '../../components/LoadMore.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PersonPlaceCells, personPlaceHeaders } from '../../components/PersonCells.tsx';

const pageSize = 50;

/** 证件到期提醒: certificates expired or due within a window, so that nobody silently loses a subsidy. */
export function RenewalsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const tree = useOrgTree();
  const [filters, setFilters] = useState<RenewalFilters>({ state: '', within: '90', town: '' });
  const set = (patch: Partial<RenewalFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const query = useInfiniteQuery({
    queryKey: ['renewals', filters],
    queryFn: ({ pageParam }) =>
      api<RenewalPage>(
        `/api/v1/renewals?${renewalQuery(filters, { limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = query.data?.pages[0];
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = first ? first.counts.expired + first.counts.dueSoon : 0;
  const status = query.isPending
    ? t('renewals.loading')
    : query.isSuccess
      ? t('renewals.count', { count: total, shown: items.length })
      : '';
  const towns = townsOf(tree.data);
  return (
    <>
      <PageTitle>{t('renewals.title')}</PageTitle>
      <p>{t('renewals.intro')}</p>
      <form className="filter-grid" aria-label={t('renewals.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="renewal-state"
          label={t('renewals.state')}
          value={filters.state}
          emptyLabel={t('renewals.allStates')}
          options={[
            { value: 'expired', label: t('renewals.expired') },
            { value: 'dueSoon', label: t('renewals.dueSoon') },
          ]}
          onChange={(state) => set({ state: state as RenewalFilters['state'] })}
        />
        <SelectField
          id="renewal-within"
          label={t('renewals.within')}
          value={filters.within}
          options={windows.map((w) => ({ value: w, label: t('renewals.days', { count: Number(w) }) }))}
          onChange={(within) => set({ within })}
        />
        {towns.length > 1 && (
          <SelectField
            id="renewal-town"
            label={t('person.town')}
            value={filters.town}
            emptyLabel={t('renewals.allTowns')}
            options={orgOptions(towns)}
            onChange={(town) => set({ town })}
          />
        )}
      </form>
      <div className="page-actions">
        {can(user, 'person.export') && (
          <DownloadButton
            path={`/api/v1/renewals/export?${renewalQuery(filters)}`}
            fallbackName="renewals.xlsx"
            label={t('renewals.export')}
          />
        )}
      </div>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={query.error} />
      {query.isPending && <Spin />}
      {first && first.byTown.length > 0 && <TownCounts page={first} />}
      {query.isSuccess && items.length === 0 && <Empty description={t('renewals.none')} />}
      {items.length > 0 && <RenewalTable items={items} />}
      <LoadMore query={query} />
    </>
  );
}

/** Expired and due-soon counts per town, with the total row. */
function TownCounts({ page }: { page: RenewalPage }) {
  const { t } = useTranslation();
  const caption = t('renewals.byTownCaption', { days: page.within, date: page.date });
  return (
    <DataTable
      caption={caption}
      headers={[t('person.town'), t('renewals.expired'), t('renewals.dueSoon')]}
      footer={
        <tr>
          <th scope="row">{t('renewals.total')}</th>
          <td>{page.counts.expired}</td>
          <td>{page.counts.dueSoon}</td>
        </tr>
      }
    >
      {page.byTown.map((town) => (
        <tr key={town.code}>
          <th scope="row">{town.name}</th>
          <td>{town.expired}</td>
          <td>{town.dueSoon}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The persons, longest expired first; the days left are said in words with an icon, never by colour alone. */
function RenewalTable({ items }: { items: RenewalPage['items'] }) {
  const { t } = useTranslation();
  const caption = t('renewals.listCaption');
  return (
    <DataTable
      caption={caption}
      headers={[...personPlaceHeaders(t), t('renewals.validUntil'), t('renewals.state'), t('renewals.benefits')]}
    >
      {items.map((p) => (
        <tr key={p.personId}>
          <PersonPlaceCells id={p.personId} name={p.name} idNumber={p.idNumber} town={p.town.name} village={p.village?.name} />
          <td>{p.validUntil}</td>
          <td>
            {p.state === 'expired' ? (
              <span className="renewal-expired">
                <ExclamationCircleOutlined aria-hidden /> {t('renewals.expiredDays', { count: -p.daysLeft })}
              </span>
            ) : (
              <span>
                <ClockCircleOutlined aria-hidden /> {t('renewals.daysLeft', { count: p.daysLeft })}
              </span>
            )}
          </td>
          <td>{p.benefits.length > 0 ? p.benefits.map((b) => t(`renewals.program.${b}`, { defaultValue: b })).join('、') : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
