import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { orgOptions, townsOf, useOrgTree } from '../registry/org-units.ts';
import { type ApplicationPage, orgNames, queryOf } from './benefit-api.ts';
import { NewApplicationForm } from './NewApplicationForm.tsx';
import { programOptions, statusOptions } from './options.ts';
import { TimeLimit } from './TimeLimit.tsx';
import './workflow.css';
import { LoadMore } from '../../components/LoadMore.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';

const pageSize = 50;
type Filters = { program: string; status: string; town: string };

/** 惠残申请: the applications in scope with their current step and time limit; a new application for staff. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params] = useSearchParams();
  const applyFor = Number(params.get('apply')) || undefined;
  const [form, setForm] = useState<Filters>({ program: '', status: '', town: '' });
  const [filters, setFilters] = useState<Filters>(form);
  const [showForm, setShowForm] = useState(applyFor !== undefined);
  const tree = useOrgTree().data;
  const names = orgNames(tree);
  const towns = townsOf(tree);
  const query = useInfiniteQuery({
    queryKey: ['benefit-applications', filters],
    queryFn: ({ pageParam }) =>
      api<ApplicationPage>(`/api/v1/benefits/applications?${queryOf({ ...filters, limit: pageSize, cursor: pageParam || undefined })}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(form);
  };
  const status = query.isPending ? t('benefits.loading') : query.isSuccess ? t('benefits.applications.count', { count: items.length }) : '';
  const mayApply = can(user, 'benefit.apply');
  return (
    <>
      <PageTitle>{t('benefits.applications.title')}</PageTitle>
      {mayApply && (
        <div className="page-actions">
          <Button
            type={showForm ? 'default' : 'primary'}
            aria-expanded={showForm}
            aria-controls="new-application"
            onClick={() => setShowForm((s) => !s)}
          >
            {t('benefits.apply.open')}
          </Button>
        </div>
      )}
      {mayApply && showForm && <NewApplicationForm initialPersonId={applyFor} initialProgram={params.get('program') ?? ''} />}
      <form className="benefit-filters" aria-label={t('benefits.applications.filters')} onSubmit={submit}>
        <SelectField
          id="af-program"
          label={t('benefits.program.label')}
          value={form.program}
          options={programOptions(t)}
          emptyLabel={t('benefits.any')}
          onChange={(program) => setForm((f) => ({ ...f, program }))}
        />
        <SelectField
          id="af-status"
          label={t('benefits.status.label')}
          value={form.status}
          options={statusOptions(t)}
          emptyLabel={t('benefits.any')}
          onChange={(s) => setForm((f) => ({ ...f, status: s }))}
        />
        {towns.length > 1 && (
          <SelectField
            id="af-town"
            label={t('benefits.town')}
            value={form.town}
            options={orgOptions(towns)}
            emptyLabel={t('benefits.any')}
            onChange={(town) => setForm((f) => ({ ...f, town }))}
          />
        )}
        <SubmitRow label={t('benefits.search')} />
      </form>
      <ListStatus query={query} status={status} count={items.length} none={t('benefits.applications.none')} />
      {items.length > 0 && (
        <DataTable
          caption={t('benefits.applications.caption')}
          headers={[
            t('benefits.person'),
            t('benefits.idNumber'),
            t('benefits.program.label'),
            t('benefits.appliedOn'),
            t('benefits.town'),
            t('benefits.status.label'),
            t('benefits.step.label'),
            t('benefits.timeLimit.label'),
          ]}
        >
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/benefits/applications/${a.id}`}>{t('benefits.applications.open', { name: a.name, id: a.id })}</Link>
              </th>
              <td>
                <MaskedNumber value={a.idNumber} />
              </td>
              <td>{t(`benefits.program.${a.program}`)}</td>
              <td>{a.appliedOn}</td>
              <td>{names.get(a.town) ?? a.town}</td>
              <td>{t(`benefits.status.${a.status}`)}</td>
              <td>{a.step ? t(`benefits.step.${a.step}`) : '—'}</td>
              <td>
                <TimeLimit dueOn={a.dueOn} overdue={a.overdue} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <LoadMore query={query} label={t('benefits.loadMore')} />
    </>
  );
}
