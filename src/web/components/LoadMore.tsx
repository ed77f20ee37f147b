import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** What LoadMore needs of a react-query infinite query. */
type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown };

/** "加载更多" under a keyset-paged list; nothing when there is no next page. */
export function LoadMore({ query, label }: { query: Pages; label?: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {label ?? t('search.loadMore')}
      </Button>
    </div>
  );
}
