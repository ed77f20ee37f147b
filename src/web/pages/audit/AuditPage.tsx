import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type AuditFilters, type AuditItem, auditQuery, detailsText, emptyAuditFilters } from './audit-api.ts';
import './audit.css';
import { LoadMore } from '../../components/LoadMore.tsx';
import { DataTable } from '../../components/DataTable.tsx';

const pageSize = 50;

/** 审计日志: the auditor's read-only search of who did what, when, from where, and with what outcome. */
export function AuditPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<AuditFilters>(emptyAuditFilters);
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const set = (patch: Partial<AuditFilters>) => setForm((f) => ({ ...f, ...patch }));
  const query = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api<{ items: AuditItem[]; nextCursor: string | null }>(
        `/api/v1/audit?${auditQuery(filters, { limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(form);
  };
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const status = query.isPending ? t('audit.loading') : query.isSuccess ? t('audit.shown', { count: items.length }) : '';
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <form className="filter-grid" onSubmit={submit} aria-label={t('audit.filters')}>
        <DateField id="audit-from" label={t('audit.from')} value={form.from} onChange={(from) => set({ from })} />
        <DateField id="audit-to" label={t('audit.to')} value={form.to} onChange={(to) => set({ to })} />
        <TextField
          id="audit-username"
          label={t('audit.username')}
          value={form.username}
          onChange={(username) => set({ username })}
          maxLength={64}
        />
        <TextField
          id="audit-action"
          label={t('audit.action')}
          value={form.action}
          onChange={(action) => set({ action })}
          hint={t('audit.actionHint')}
          maxLength={64}
        />
        <TextField
          id="audit-target"
          label={t('audit.targetId')}
          value={form.targetId}
          onChange={(targetId) => set({ targetId })}
          maxLength={200}
        />
        <SelectField
          id="audit-outcome"
          label={t('audit.outcome')}
          value={form.outcome}
          emptyLabel={t('audit.allOutcomes')}
          options={(['success', 'denied', 'failure'] as const).map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          onChange={(outcome) => set({ outcome: outcome as AuditFilters['outcome'] })}
        />
        <SubmitRow label={t('audit.search')} className="audit-actions" />
      </form>
      <ListStatus query={query} status={status} count={items.length} none={t('audit.none')} />
      {items.length > 0 && <AuditTable items={items} />}
      <LoadMore query={query} />
    </>
  );
}

function AuditTable({ items }: { items: AuditItem[] }) {
  const { t } = useTranslation();
  const caption = t('audit.caption');
  return (
    <DataTable
      caption={caption}
      headers={[
        t('audit.at'),
        t('audit.username'),
        t('audit.role'),
        t('audit.ip'),
        t('audit.action'),
        t('audit.target'),
        t('audit.outcome'),
        t('audit.details'),
      ]}
    >
      {items.map((i) => (
        <tr key={i.id}>
          <th scope="row">{i.at.replace('T', ' ').slice(0, 19)}</th>
          <td>{i.username}</td>
          <td>{i.role ? t(`roles.${i.role}`, { defaultValue: i.role }) : '—'}</td>
          <td>{i.ip ?? '—'}</td>
          <td>
            <code>{i.action}</code>
          </td>
          <td>{i.targetType ? `${i.targetType} ${i.targetId ?? ''}` : '—'}</td>
          <td className={i.outcome === 'success' ? undefined : 'audit-not-ok'}>
            {t(`audit.outcomes.${i.outcome}`, { defaultValue: i.outcome })}
          </td>
          <td className="audit-details">{detailsText(i.details)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
