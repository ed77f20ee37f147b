import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { StatusMessage } from './StatusMessage.tsx';

/** What ListStatus needs of a react-query query. */
type Query = { error: unknown; isPending: boolean; isSuccess: boolean };

/**
 * What a list page says about its query, above the list: the status (count) in a live region, the error, a spinner
 * while it loads, and `none` when it found nothing.
 */
export function ListStatus({ query, status, count, none }: { query: Query; status: ReactNode; count: number; none: string }) {
  return (
    <>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={query.error} />
      {query.isPending && <Spin />}
      {query.isSuccess && count === 0 && <Empty description={none} />}
    </>
  );
}
