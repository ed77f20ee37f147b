import { Button, Input, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevealSchema } from '../../../contracts/persons.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { describedBy, Field } from '../../components/Field.tsx';

const revealable = ['idNumber', 'certificateNumber', 'phone', 'guardianPhone'] as const;

/** 查看完整号码: the user picks fields and states a reason; the server audits the reveal. */
export function RevealDialog(props: {
  open: boolean;
  id: number;
  onClose(): void;
  onRevealed(values: Record<string, string | null>): void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<string[]>(['idNumber']);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (f: string) => setFields((old) => (old.includes(f) ? old.filter((x) => x !== f) : [...old, f]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { fields, reason };
    const items: SummaryItem[] = [];
    if (fields.length === 0) items.push({ id: 'reveal-idNumber', label: t('reveal.fields'), message: t('reveal.pickOne') });
    if (!RevealSchema.shape.reason.safeParse(reason).success)
      items.push({ id: 'reveal-reason', label: t('reveal.reason'), message: t('reveal.reasonRule') });
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    setBusy(true);
    setError(null);
    try {
      props.onRevealed(await api<Record<string, string | null>>(`/api/v1/persons/${props.id}/reveal`, { json: body }));
      setReason('');
      props.onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const reasonError = problems.find((p) => p.id === 'reveal-reason')?.message;
  return (
    <Modal
      open={props.open}
      title={t('reveal.title')}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          {t('form.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form="reveal-form" loading={busy}>
          {t('reveal.submit')}
        </Button>,
      ]}
    >
      <p>{t('reveal.notice')}</p>
      <ErrorSummary items={problems} />
      <ErrorAlert error={error} />
      <form id="reveal-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="checks">
          <legend>{t('reveal.fields')}</legend>
          {revealable.map((f) => (
            <label key={f} className="check">
              <input id={`reveal-${f}`} type="checkbox" checked={fields.includes(f)} onChange={() => toggle(f)} />
              {t(`person.${f}`)}
            </label>
          ))}
        </fieldset>
        <Field id="reveal-reason" label={t('reveal.reason')} required hint={t('reveal.reasonHint')} error={reasonError}>
          <Input.TextArea
            {...describedBy('reveal-reason', t('reveal.reasonHint'), reasonError)}
            aria-required
            value={reason}
            maxLength={200}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </form>
    </Modal>
  );
}
