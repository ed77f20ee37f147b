import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type Parameter, formatParamValue, yuanToFen } from './policy-api.ts';

type Form = { from: string; text: string; min: string; max: string; picks: string[]; end: boolean; source: string };
type Errors = Partial<Record<'from' | 'value' | 'source', string>>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

const levelChoices = ['1', '2', '3', '4'];
const categoryChoices = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'];

/** How a parameter's value is typed: amount in 元, whole number, age range, yes/no, mode, choices or free list. */
function inputKind(p: Parameter): 'yuan' | 'integer' | 'range' | 'flag' | 'mode' | 'levels' | 'categories' | 'list' {
  if (p.unit === 'fen' || p.unit === 'fenPerYear') return 'yuan';
  if (p.unit === 'flag') return 'flag';
  if (p.unit === 'mode') return 'mode';
  if (p.unit === 'list') return /levels$/i.test(p.id) ? 'levels' : /categories$/i.test(p.id) ? 'categories' : 'list';
  const sample = p.history.find((e) => e.value !== null)?.value;
  return typeof sample === 'object' && sample !== null ? 'range' : 'integer';
}

/** The value the form describes, or an error message (already translated). */
function readValue(p: Parameter, f: Form, t: Translate): { value: unknown } | { error: string } {
  if (f.end) return { value: null };
  const kind = inputKind(p);
  const whole = (s: string) => (/^\d{1,9}$/.test(s.trim()) ? Number(s.trim()) : null);
  switch (kind) {
    case 'yuan': {
      const fen = yuanToFen(f.text);
      return fen === null ? { error: t('policy.edit.errors.yuan') } : { value: fen };
    }
    case 'integer': {
      const n = whole(f.text);
      return n === null ? { error: t('policy.edit.errors.integer') } : { value: n };
    }
    case 'range': {
      const [min, max] = [whole(f.min), whole(f.max)];
      return min === null || max === null || min > max ? { error: t('policy.edit.errors.range') } : { value: { min, max } };
    }
    case 'flag':
      return f.text === '' ? { error: t('policy.edit.errors.choose') } : { value: f.text === 'true' };
    case 'mode':
      return f.text === '' ? { error: t('policy.edit.errors.choose') } : { value: f.text };
    case 'levels':
      return f.picks.length === 0 ? { error: t('policy.edit.errors.pick') } : { value: f.picks.map(Number) };
    case 'categories':
      return f.picks.length === 0 ? { error: t('policy.edit.errors.pick') } : { value: f.picks };
    case 'list': {
      const items = f.text.split(/[\s,，、]+/).filter(Boolean);
      return items.length === 0 ? { error: t('policy.edit.errors.list') } : { value: items };
    }
  }
}

/** The id of the control that takes focus for the value error (the first control of the value input). */
function valueControlId(p: Parameter): string {
  const kind = inputKind(p);
  return kind === 'range' ? 'pv-min' : kind === 'levels' || kind === 'categories' ? 'pv-pick-0' : 'pv-value';
}

/** 录入新值: a dated value with its source, checked here and by the server; errors listed and tied to fields. */
export function ParametersValueDialog({ param, onClose, onSaved }: { param: Parameter; onClose(): void; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>({ from: '', text: '', min: '', max: '', picks: [], end: false, source: '' });
  const [errors, setErrors] = useState<Errors>({});
  const kind = inputKind(param);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const mutation = useMutation({
    mutationFn: (value: unknown) =>
      api<Parameter>(`/api/v1/policy/parameters/${encodeURIComponent(param.id)}/values`, {
        json: { from: form.from, value, source: form.source.trim() },
      }),
    onSuccess: async (_saved, value) => {
      await queryClient.invalidateQueries({ queryKey: ['policy-parameters'] });
      onSaved(t('policy.edit.saved', { name: param.description, from: form.from, value: formatParamValue(param, value, t) }));
    },
    onError: (e) => {
      // The server's own checks (unit, range, date, source) come back as a field error where they belong.
      if (!(e instanceof ApiError)) return;
      const field = e.code === 'PARAM_VALUE_INVALID' ? 'value' : e.problems[0]?.field;
      if (field === 'value' || field === 'from' || field === 'source') {
        setErrors({ [field]: e.problems[0]?.message ?? e.message });
        focusField(field === 'value' ? valueControlId(param) : `pv-${field}`);
      }
    },
  });
  const fieldError =
    mutation.error instanceof ApiError && (mutation.error.code === 'PARAM_VALUE_INVALID' || mutation.error.problems.length);
  const labels = { from: t('policy.edit.from'), value: t('policy.edit.value'), source: t('policy.edit.source') };
  const summary: SummaryItem[] = (['from', 'value', 'source'] as const)
    .filter((k) => errors[k])
    .map((k) => ({ id: k === 'value' ? valueControlId(param) : `pv-${k}`, label: labels[k], message: errors[k] as string }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readValue(param, form, t);
    const found: Errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.from)) found.from = t('policy.edit.errors.from');
    if ('error' in read) found.value = read.error;
    if (form.source.trim().length < 2) found.source = t('policy.edit.errors.source');
    setErrors(found);
    const first = (['from', 'value', 'source'] as const).find((k) => found[k]);
    if (first) {
      setTimeout(() => focusField(first === 'value' ? valueControlId(param) : `pv-${first}`), 0);
      return;
    }
    if ('value' in read) mutation.mutate(read.value);
  };
  const togglePick = (v: string) => set({ picks: form.picks.includes(v) ? form.picks.filter((p) => p !== v) : [...form.picks, v] });
  return (
    <Modal
      open
      title={t('policy.edit.title', { name: param.description })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('policy.edit.cancel')}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form="param-value-form" loading={mutation.isPending}>
          {t('policy.edit.save')}
        </Button>,
      ]}
    >
      <p>{t('policy.edit.intro')}</p>
      <ErrorSummary items={summary} />
      {!fieldError && <ErrorAlert error={mutation.error} />}
      <form id="param-value-form" onSubmit={submit} noValidate>
        <DateField
          id="pv-from"
          label={labels.from}
          hint={t('policy.edit.fromHint')}
          value={form.from}
          onChange={(from) => set({ from })}
          required
          error={errors.from}
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={form.end} onChange={(e) => set({ end: e.target.checked })} /> {t('policy.edit.end')}
          </label>
        </div>
        {!form.end && <ValueInput param={param} kind={kind} form={form} set={set} toggle={togglePick} error={errors.value} />}
        <Field id="pv-source" label={labels.source} hint={t('policy.edit.sourceHint')} required error={errors.source}>
          <textarea
            {...describedBy('pv-source', t('policy.edit.sourceHint'), errors.source)}
            className="benefit-textarea"
            aria-required
            value={form.source}
            maxLength={500}
            onChange={(e) => set({ source: e.target.value })}
          />
        </Field>
      </form>
    </Modal>
  );
}

/** The value control(s) for the parameter's unit. */
function ValueInput(props: {
  param: Parameter;
  kind: ReturnType<typeof inputKind>;
  form: Form;
  set(patch: Partial<Form>): void;
  toggle(v: string): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { kind, form, set, error } = props;
  const label = t('policy.edit.value');
  if (kind === 'flag' || kind === 'mode') {
    const options =
      kind === 'flag'
        ? [
            { value: 'true', label: t('policy.value.yes') },
            { value: 'false', label: t('policy.value.no') },
          ]
        : ['higher', 'neither'].map((m) => ({ value: m, label: t(`policy.value.mode.${m}`) }));
    return (
      <SelectField
        id="pv-value"
        label={label}
        value={form.text}
        options={options}
        emptyLabel={t('policy.edit.choose')}
        onChange={(text) => set({ text })}
        required
        error={error}
      />
    );
  }
  if (kind === 'levels' || kind === 'categories') {
    const choices = kind === 'levels' ? levelChoices : categoryChoices;
    return (
      <fieldset className="field" aria-describedby={error ? 'pv-value-error' : undefined}>
        <legend>{label}</legend>
        {choices.map((c, i) => (
          <label key={c} className="check-choice">
            <input id={`pv-pick-${i}`} type="checkbox" checked={form.picks.includes(c)} onChange={() => props.toggle(c)} />{' '}
            {t(kind === 'levels' ? `level.${c}` : `category.${c}`)}{' '}
          </label>
        ))}
        {error && (
          <div id="pv-value-error" className="field-error">
            {error}
          </div>
        )}
      </fieldset>
    );
  }
  if (kind === 'range') {
    return (
      <fieldset className="field">
        <legend>{label}</legend>
        <TextField
          id="pv-min"
          label={t('policy.edit.min')}
          value={form.min}
          onChange={(min) => set({ min })}
          inputMode="numeric"
          error={error}
        />
        <TextField id="pv-max" label={t('policy.edit.max')} value={form.max} onChange={(max) => set({ max })} inputMode="numeric" />
      </fieldset>
    );
  }
  const hint = t(`policy.edit.hint.${kind}`);
  return (
    <TextField
      id="pv-value"
      label={kind === 'yuan' ? t('policy.edit.valueYuan') : label}
      hint={hint}
      value={form.text}
      onChange={(text) => set({ text })}
      inputMode={kind === 'integer' ? 'numeric' : 'text'}
      required
      error={error}
    />
  );
}
