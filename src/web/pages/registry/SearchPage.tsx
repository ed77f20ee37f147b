import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../contracts/persons.ts';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { ageBands } from './labels.ts';
import { PersonTable } from './PersonTable.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { rememberedSearch, rememberSearch, type SearchForm, toFilters } from './search-state.ts';
import { LoadMore } from '../../components/LoadMore.tsx';

type Page = { items: PersonSummary[]; nextCursor: string | null };
const pageSize = 50;

/** 残疾人信息查询: filters, a keyset-paginated table ("load more") and export. */
export function SearchPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [form, setForm] = useState<SearchForm>(rememberedSearch);
  const filters = toFilters(form, ageBands);
  const query = useInfiniteQuery({
    queryKey: ['persons', filters],
    queryFn: ({ pageParam }) =>
      api<Page>('/api/v1/persons/search', { json: { ...filters, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const status = query.isPending
    ? t('search.loading')
    : query.isSuccess
      ? t(query.hasNextPage ? 'search.countMore' : 'search.count', { count: items.length })
      : '';
  return (
    <>
      <PageTitle>{t('search.title')}</PageTitle>
      <div className="page-actions">
        {can(user, 'person.write') && (
          <Link className="link-button" to="/persons/new">
            {t('nav.newPerson')}
          </Link>
        )}
        {can(user, 'person.export') && <ExportButtons filters={filters} />}
      </div>
      <SearchFilters
        initial={form}
        onSearch={(f) => {
          rememberSearch(f);
          setForm(f);
        }}
      />
      <ListStatus query={query} status={status} count={items.length} none={t('search.none')} />
      {items.length > 0 && <PersonTable items={items} caption={t('search.caption')} />}
      <LoadMore query={query} />
    </>
  );
}
