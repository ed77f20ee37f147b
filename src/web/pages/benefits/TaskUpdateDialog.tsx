import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import type { BenefitTask } from './benefit-api.ts';

/** 更新任务: status and a note, sent with the version read; a conflict offers to reload the list. */
export function TaskUpdateDialog({ task, onClose, onDone }: { task: BenefitTask; onClose(): void; onDone(message: string): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(task.status);
  const [note, setNote] = useState(task.note ?? '');
  const mutation = useMutation({
    mutationFn: () => api(`/api/v1/benefits/tasks/${task.id}`, { method: 'PATCH', json: { version: task.version, status, note } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['benefit-tasks'] });
      onDone(t('benefits.tasks.saved', { name: task.name }));
    },
  });
  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal
      open
      title={t('benefits.tasks.dialogTitle', { name: task.name })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('form.cancel')}
        </Button>,
        conflict ? (
          <Button
            key="reload"
            type="primary"
            onClick={() => {
              void queryClient.invalidateQueries({ queryKey: ['benefit-tasks'] });
              onClose();
            }}
          >
            {t('conflict.takeTheirs')}
          </Button>
        ) : (
          <Button key="ok" type="primary" htmlType="submit" form="task-form" loading={mutation.isPending}>
            {t('form.save')}
          </Button>
        ),
      ]}
    >
      <p>{task.reason}</p>
      <ErrorAlert error={mutation.error} />
      <form id="task-form" onSubmit={submit} noValidate>
        <SelectField
          id="task-status"
          label={t('benefits.tasks.status')}
          value={status}
          options={['open', 'done'].map((s) => ({ value: s, label: t(`benefits.tasks.state.${s}`) }))}
          onChange={setStatus}
        />
        <Field id="task-note" label={t('benefits.tasks.note')} hint={t('benefits.tasks.noteHint')}>
          <textarea
            {...describedBy('task-note', t('benefits.tasks.noteHint'))}
            className="benefit-textarea"
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
      </form>
    </Modal>
  );
}
