import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formValue, type ParameterEntry, type ParameterKey, storedValue } from './parameter-values.ts';

/** Sets one parameter for one year with its source (audited by the server; the indicators use it at once). */
export function ParameterDialog(props: {
  parameterKey: ParameterKey;
  year: number;
  current: ParameterEntry | undefined;
  onClose(saved: boolean): void;
}) {
  const { parameterKey: key, year, current, onClose } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(formValue(current?.value));
  const [source, setSource] = useState(current?.source ?? '');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const mutation = useMutation({
    mutationFn: (stored: number) =>
      api(`/api/v1/indicators/parameters/${encodeURIComponent(key)}/${year}`, {
        method: 'PUT',
        json: { value: stored, source: source.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['indicator-parameters'] });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      onClose(true);
    },
  });
  const unit = t(`indicatorParams.units.${key}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const stored = storedValue(value);
    const items: SummaryItem[] = [];
    if (stored === null) items.push({ id: 'param-value', label: unit, message: t('indicatorParams.valueRule') });
    if (source.trim() === '')
      items.push({ id: 'param-source', label: t('indicatorParams.source'), message: t('indicatorParams.sourceRule') });
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    if (stored !== null) mutation.mutate(stored);
  };
  const problemOf = (id: string) => problems.find((p) => p.id === id)?.message;
  return (
    <Modal
      open
      title={t('indicatorParams.dialogTitle', { name: t(`indicatorParams.keys.${key}`), year })}
      onCancel={() => onClose(false)}
      footer={[
        <Button key="cancel" onClick={() => onClose(false)}>
          {t('form.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form="param-form" loading={mutation.isPending}>
          {t('form.save')}
        </Button>,
      ]}
    >
      <ErrorSummary items={problems} />
      <ErrorAlert error={mutation.error} />
      <form id="param-form" onSubmit={submit} noValidate>
        <TextField
          id="param-value"
          label={unit}
          value={value}
          onChange={setValue}
          required
          inputMode="numeric"
          error={problemOf('param-value')}
        />
        <TextField
          id="param-source"
          label={t('indicatorParams.source')}
          value={source}
          onChange={setSource}
          required
          hint={t('indicatorParams.sourceHint')}
          maxLength={500}
          error={problemOf('param-source')}
        />
      </form>
    </Modal>
  );
}
