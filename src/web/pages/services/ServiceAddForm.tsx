import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import {
  bodyOf,
  detailFields,
  emptyService,
  fenOf,
  type ServiceForm,
  type ServiceKind,
  serviceKinds,
  statusesOf,
} from './service-values.ts';

const fieldIds: Record<string, string> = {
  startDate: 'service-startDate',
  endDate: 'service-endDate',
  costFen: 'service-cost',
  status: 'service-status-new',
};

/** 新增服务记录: kind first (it decides the statuses and detail fields), checked here for dates and amount, then by the server. */
export function ServiceAddForm({ personId, onDone }: { personId: number; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ServiceForm>(emptyService());
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ServiceForm>) => setForm((f) => ({ ...f, ...patch }));
  const labels: Record<string, string> = {
    startDate: t('services.startDate'),
    endDate: t('services.endDate'),
    costFen: t('services.cost'),
    status: t('services.status'),
  };
  const check = (): SummaryItem[] => {
    const items: SummaryItem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.startDate))
      items.push({ id: fieldIds.startDate as string, label: labels.startDate as string, message: t('form.dateRule') });
    if (form.endDate && form.endDate < form.startDate)
      items.push({ id: fieldIds.endDate as string, label: labels.endDate as string, message: t('services.endBeforeStart') });
    if (Number.isNaN(fenOf(form.cost)))
      items.push({ id: fieldIds.costFen as string, label: labels.costFen as string, message: t('services.costRule') });
    return items;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const items = check();
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    setBusy(true);
    try {
      await api(`/api/v1/persons/${personId}/services`, { json: bodyOf(form) });
      await queryClient.invalidateQueries({ queryKey: ['services', personId] });
      onDone(true);
    } catch (err) {
      const fromServer = err instanceof ApiError ? err.problems : [];
      if (fromServer.length > 0) {
        const mapped = fromServer.map((p) => ({
          id: fieldIds[p.field] ?? 'service-kind',
          label: labels[p.field] ?? p.field,
          message: p.message,
        }));
        setProblems(mapped);
        if (mapped[0]) focusField(mapped[0].id);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const problemOf = (id: string) => problems.find((p) => p.id === id)?.message;
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="service-add-title">
      <h2 id="service-add-title">{t('services.add')}</h2>
      <ErrorSummary items={problems} />
      <ErrorAlert error={error} />
      <SelectField
        id="service-kind"
        label={t('services.kind')}
        value={form.kind}
        options={serviceKinds.map((k) => ({ value: k, label: t(`services.kinds.${k}`) }))}
        onChange={(kind) => set({ kind: kind as ServiceKind, status: statusesOf(kind as ServiceKind)[0] ?? '', details: {} })}
        required
      />
      <SelectField
        id={fieldIds.status as string}
        label={labels.status as string}
        value={form.status}
        options={statusesOf(form.kind).map((s) => ({ value: s, label: t(`services.statuses.${s}`) }))}
        onChange={(status) => set({ status })}
        required
      />
      <DateField
        id={fieldIds.startDate as string}
        label={labels.startDate as string}
        value={form.startDate}
        onChange={(startDate) => set({ startDate })}
        required
        hint={t('form.dateHint')}
        error={problemOf(fieldIds.startDate as string)}
      />
      <DateField
        id={fieldIds.endDate as string}
        label={labels.endDate as string}
        value={form.endDate}
        onChange={(endDate) => set({ endDate })}
        hint={t('services.endHint')}
        error={problemOf(fieldIds.endDate as string)}
      />
      {detailFields[form.kind].map((k) => (
        <TextField
          key={k}
          id={`service-detail-${k}`}
          label={t(`services.detail.${k}`)}
          value={form.details[k] ?? ''}
          onChange={(v) => set({ details: { ...form.details, [k]: v } })}
          maxLength={100}
        />
      ))}
      <TextField
        id="service-provider"
        label={t('services.provider')}
        value={form.provider}
        onChange={(provider) => set({ provider })}
        maxLength={100}
      />
      <TextField
        id="service-department"
        label={t('services.department')}
        value={form.department}
        onChange={(department) => set({ department })}
        maxLength={100}
      />
      <TextField
        id={fieldIds.costFen as string}
        label={labels.costFen as string}
        value={form.cost}
        onChange={(cost) => set({ cost })}
        inputMode="numeric"
        hint={t('services.costHint')}
        error={problemOf(fieldIds.costFen as string)}
      />
      <div className="form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('form.save')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}
