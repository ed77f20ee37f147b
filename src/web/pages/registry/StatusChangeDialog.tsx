import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../contracts/persons.ts';
import { api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';

/** 标记死亡 / 标记迁出: asks for the date and confirms (WCAG 3.3.4), sending the version read. */
export function StatusChangeDialog({ to, person, onClose }: { to: 'deceased' | 'movedOut'; person: PersonDetail; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const today = new Date().toISOString().slice(0, 10);
  const mutation = useMutation({
    mutationFn: () =>
      api(`/api/v1/persons/${person.id}/${to === 'deceased' ? 'deceased' : 'moved-out'}`, { json: { version: person.version, date } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['person', person.id] });
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? []
      : [{ id: 'status-date', label: t('statusChange.date'), message: t('form.dateRule') }];
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    mutation.mutate();
  };
  const title = t(`statusChange.${to}`);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('form.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger htmlType="submit" form="status-form" loading={mutation.isPending}>
          {t('statusChange.confirm')}
        </Button>,
      ]}
    >
      <p>{t('statusChange.notice', { name: person.name, action: title })}</p>
      <ErrorSummary items={problems} />
      <ErrorAlert error={mutation.error} />
      <form id="status-form" onSubmit={submit} noValidate>
        <DateField
          id="status-date"
          label={t('statusChange.date')}
          value={date}
          onChange={setDate}
          max={today}
          required
          hint={t('form.dateHint')}
          error={problems[0]?.message}
        />
      </form>
    </Modal>
  );
}
