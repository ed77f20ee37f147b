import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useOrgTree } from '../registry/org-units.ts';
import { type BenefitTask, orgNames, queryOf } from './benefit-api.ts';
import { programOptions } from './options.ts';
import { TaskUpdateDialog } from './TaskUpdateDialog.tsx';
import './workflow.css';
import { PersonCells } from '../../components/PersonCells.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';

type Filters = { whose: 'mine' | 'unit'; status: string; program: string };

/** 跟进任务: stop reviews and gap-list cases, mine or my org unit's; update status with a note. */
export function TasksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const names = orgNames(useOrgTree().data);
  const [form, setForm] = useState<Filters>({ whose: can(user, 'benefit.task') ? 'mine' : 'unit', status: 'open', program: '' });
  const [filters, setFilters] = useState(form);
  const [editing, setEditing] = useState<BenefitTask | null>(null);
  const [done, setDone] = useState('');
  const query = useQuery({
    queryKey: ['benefit-tasks', filters.whose, filters.status, filters.program],
    queryFn: () => {
      const q = { assignee: filters.whose === 'mine' ? 'me' : '', status: filters.status, program: filters.program, limit: 1000 };
      return api<{ items: BenefitTask[] }>(`/api/v1/benefits/tasks?${queryOf(q)}`);
    },
  });
  const items = query.data?.items ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(form);
    setDone('');
  };
  const canUpdate = can(user, 'benefit.task');
  const status = query.isPending ? t('benefits.loading') : query.isSuccess ? t('benefits.tasks.count', { count: items.length }) : '';
  return (
    <>
      <PageTitle>{t('benefits.tasks.title')}</PageTitle>
      <form className="benefit-filters" aria-label={t('benefits.tasks.filters')} onSubmit={submit}>
        <SelectField
          id="tf-whose"
          label={t('benefits.tasks.whose')}
          value={form.whose}
          options={[
            { value: 'mine', label: t('benefits.tasks.mine') },
            { value: 'unit', label: t('benefits.tasks.unit') },
          ]}
          onChange={(whose) => setForm((f) => ({ ...f, whose: whose as Filters['whose'] }))}
        />
        <SelectField
          id="tf-status"
          label={t('benefits.tasks.status')}
          value={form.status}
          options={['open', 'done'].map((s) => ({ value: s, label: t(`benefits.tasks.state.${s}`) }))}
          emptyLabel={t('benefits.any')}
          onChange={(s) => setForm((f) => ({ ...f, status: s }))}
        />
        <SelectField
          id="tf-program"
          label={t('benefits.program.label')}
          value={form.program}
          options={programOptions(t)}
          emptyLabel={t('benefits.allPrograms')}
          onChange={(program) => setForm((f) => ({ ...f, program }))}
        />
        <SubmitRow label={t('benefits.search')} />
      </form>
      <ListStatus query={query} status={done || status} count={items.length} none={t('benefits.tasks.none')} />
      {items.length > 0 && (
        <DataTable
          caption={t(`benefits.tasks.caption.${filters.whose}`)}
          headers={[
            t('benefits.person'),
            t('benefits.idNumber'),
            t('benefits.program.label'),
            t('benefits.tasks.kind.label'),
            t('benefits.tasks.reason'),
            t('benefits.town'),
            t('benefits.tasks.assignedTo'),
            t('benefits.tasks.openedOn'),
            t('benefits.tasks.status'),
            t('benefits.tasks.note'),
            ...(canUpdate ? [t('benefits.tasks.actions')] : []),
          ]}
        >
          {items.map((task) => (
            <tr key={task.id}>
              <PersonCells id={task.personId} name={task.name} idNumber={task.idNumber} />
              <td>{t(`benefits.program.${task.program}`)}</td>
              <td>{t(`benefits.tasks.kind.${task.kind}`)}</td>
              <td>{task.reason}</td>
              <td>{names.get(task.town) ?? task.town}</td>
              <td>{task.assignedTo ?? t('benefits.tasks.unassigned')}</td>
              <td>{task.openedOn}</td>
              <td>
                <span aria-hidden="true">{task.status === 'done' ? '✓ ' : '○ '}</span>
                {t(`benefits.tasks.state.${task.status}`)}
              </td>
              <td>{task.note ?? '—'}</td>
              {canUpdate && (
                <td>
                  <Button onClick={() => setEditing(task)} aria-label={t('benefits.tasks.updateFor', { name: task.name })}>
                    {t('benefits.tasks.update')}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <TaskUpdateDialog
          task={editing}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setDone(message);
          }}
        />
      )}
    </>
  );
}
