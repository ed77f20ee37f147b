import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { type GapItem, useAssignees } from './benefit-api.ts';

/** The task requests of a selection: one per programme and list (the endpoint takes one of each). */
function groups(items: readonly GapItem[]) {
  const by = new Map<string, { program: string; kind: string; personIds: number[] }>();
  for (const i of items) {
    const key = `${i.program}|${i.kind}`;
    const g = by.get(key) ?? { program: i.program, kind: i.kind, personIds: [] };
    g.personIds.push(i.personId);
    by.set(key, g);
  }
  return [...by.values()];
}

/**
 * 指派跟进任务: opens a follow-up task for each selected row, assigned to a worker of the rows' town (or of the
 * county when the rows span several towns, the only workers allowed for all of them).
 */
export function AssignTasksDialog(props: {
  items: readonly GapItem[];
  date: string;
  org?: string;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const towns = [...new Set(props.items.map((i) => i.town))];
  const assignees = useAssignees(towns[0] ?? '', true);
  const options = (assignees.data ?? [])
    .filter((a) => towns.length === 1 || a.orgCode.length === 6)
    .map((a) => ({ value: a.username, label: `${a.displayName ?? a.username}（${t(`roles.${a.role}`)}）` }));
  const [assignTo, setAssignTo] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const mutation = useMutation({
    mutationFn: async () => {
      let opened = 0;
      for (const g of groups(props.items)) {
        const r = await api<{ found: number; opened: number }>('/api/v1/benefits/gaps/tasks', {
          json: { ...g, date: props.date, ...(props.org ? { org: props.org } : {}), assignTo },
        });
        opened += r.opened;
      }
      return opened;
    },
    onSuccess: async (opened) => {
      await queryClient.invalidateQueries({ queryKey: ['benefit-tasks'] });
      props.onDone(t('benefits.assign.done', { count: opened, skipped: props.items.length - opened, who: assignTo }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items = assignTo ? [] : [{ id: 'assign-to', label: t('benefits.assign.to'), message: t('benefits.assign.toRequired') }];
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    mutation.mutate();
  };
  return (
    <Modal
      open
      title={t('benefits.assign.title')}
      onCancel={props.onClose}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          {t('form.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form="assign-form" loading={mutation.isPending}>
          {t('benefits.assign.submit')}
        </Button>,
      ]}
    >
      <p>{t('benefits.assign.notice', { count: props.items.length })}</p>
      <ErrorSummary items={problems} />
      <ErrorAlert error={mutation.error ?? assignees.error} />
      <form id="assign-form" onSubmit={submit} noValidate>
        <SelectField
          id="assign-to"
          label={t('benefits.assign.to')}
          hint={towns.length > 1 ? t('benefits.assign.countyOnly') : undefined}
          value={assignTo}
          options={options}
          emptyLabel={t('benefits.assign.choose')}
          onChange={setAssignTo}
          required
          error={problems[0]?.message}
        />
      </form>
    </Modal>
  );
}
