import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRecord } from '../../../contracts/services.ts';
import { ApiError, api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { statusesOf } from './service-values.ts';

/** 更新状态: moves a service record on (a home modification stage, completion, cancellation) with the version read. */
export function ServiceStatusDialog({
  personId,
  record,
  onClose,
}: {
  personId: number;
  record: ServiceRecord;
  onClose(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = statusesOf(record.kind);
  const next = options[options.indexOf(record.status) + 1] ?? record.status;
  const [status, setStatus] = useState<string>(next);
  const [endDate, setEndDate] = useState(record.endDate ?? '');
  const mutation = useMutation({
    mutationFn: () =>
      api(`/api/v1/persons/${personId}/services/${record.id}`, {
        method: 'PATCH',
        json: { version: record.version, status, ...(endDate ? { endDate } : {}) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['services', personId] });
      onClose(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open
      title={t('services.updateTitle', { kind: t(`services.kinds.${record.kind}`) })}
      onCancel={() => onClose(false)}
      footer={[
        <Button key="cancel" onClick={() => onClose(false)}>
          {t('form.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form="service-status-form" loading={mutation.isPending}>
          {t('form.save')}
        </Button>,
      ]}
    >
      {conflict ? <p role="alert">{t('services.conflict')}</p> : <ErrorAlert error={mutation.error} />}
      <form id="service-status-form" onSubmit={submit} noValidate>
        <SelectField
          id="service-status"
          label={t('services.status')}
          value={status}
          options={options.map((s) => ({ value: s, label: t(`services.statuses.${s}`) }))}
          onChange={setStatus}
        />
        <DateField id="service-end" label={t('services.endDate')} value={endDate} onChange={setEndDate} hint={t('services.endHint')} />
      </form>
    </Modal>
  );
}
