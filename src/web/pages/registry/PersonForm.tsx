import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { registryOptions } from './labels.ts';
import { orgOptions, townsOf, useOrgTree, villagesOf } from './org-units.ts';
import { type FormField, type FormValues, formFields, maskedFields, requiredFields } from './person-form-values.ts';

/** What the parent's submit may report back: field problems to show, or any other error. */
export type SubmitResult = undefined | { error: unknown };

/**
 * The create/edit form. Errors (client "required" checks and the API's field problems) appear beside each field,
 * in an announced summary with links, and focus moves to the first one.
 */
export function PersonForm(props: {
  initial: FormValues;
  masked?: Partial<Record<FormField, string | null | undefined>>;
  submitLabel: string;
  onSubmit(values: FormValues): Promise<SubmitResult>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(props.initial);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tree = useOrgTree().data;
  const options = registryOptions(t);
  const editing = props.masked !== undefined;
  const set = (f: FormField) => (value: string) => setV((old) => ({ ...old, [f]: value, ...(f === 'town' ? { village: '' } : {}) }));
  const id = (f: string) => `p-${formFields.includes(f as FormField) ? f : 'name'}`;
  const label = (f: string) => t(`person.${f}`);

  const show = (items: SummaryItem[]) => {
    setProblems(items);
    if (items[0]) setTimeout(() => focusField(items[0]?.id ?? ''), 0);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const missing = requiredFields.filter((f) => !v[f].trim() && !(editing && maskedFields.includes(f)));
    if (missing.length > 0) return show(missing.map((f) => ({ id: id(f), label: label(f), message: t('form.required') })));
    setBusy(true);
    const result = await props.onSubmit(v);
    setBusy(false);
    const err = result?.error;
    if (err instanceof ApiError && err.problems.length > 0) {
      return show(
        err.problems.map((p) => ({ id: id(p.field), label: label(p.field), message: t(`errors.${p.code}`, { defaultValue: p.message }) })),
      );
    }
    setProblems([]);
    if (err) setError(err);
  };
  const errorOf = (f: FormField) => problems.find((p) => p.id === id(f))?.message;
  const hintOf = (f: FormField) =>
    editing && maskedFields.includes(f) ? t('form.maskedHint', { value: props.masked?.[f] ?? '—' }) : undefined;
  const text = (f: FormField, extra: { type?: 'tel'; inputMode?: 'numeric' | 'tel'; hint?: string } = {}) => (
    <TextField
      id={id(f)}
      label={label(f)}
      value={v[f]}
      onChange={set(f)}
      required={requiredFields.includes(f) && !(editing && maskedFields.includes(f))}
      hint={hintOf(f) ?? extra.hint}
      error={errorOf(f)}
      type={extra.type}
      inputMode={extra.inputMode}
    />
  );
  const towns = townsOf(tree);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="person-form">
      <ErrorSummary items={problems} />
      <ErrorAlert error={error} />
      <fieldset>
        <legend>{t('form.identity')}</legend>
        {text('name')}
        {text('idNumber', { hint: t('form.idHint') })}
        {text('certificateNumber', { hint: t('form.certHint') })}
        <SelectField
          id={id('category')}
          label={label('category')}
          value={v.category}
          options={options.categories}
          emptyLabel={t('form.choose')}
          onChange={set('category')}
          required
          error={errorOf('category')}
        />
        <SelectField
          id={id('level')}
          label={label('level')}
          value={v.level}
          options={options.levels}
          emptyLabel={t('form.choose')}
          onChange={set('level')}
          required
          error={errorOf('level')}
        />
        <DateField
          id={id('certificateIssuedOn')}
          label={label('certificateIssuedOn')}
          value={v.certificateIssuedOn}
          onChange={set('certificateIssuedOn')}
          hint={t('form.dateHint')}
          error={errorOf('certificateIssuedOn')}
        />
        <DateField
          id={id('certificateValidUntil')}
          label={label('certificateValidUntil')}
          value={v.certificateValidUntil}
          onChange={set('certificateValidUntil')}
          hint={t('form.dateHint')}
          error={errorOf('certificateValidUntil')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('form.residence')}</legend>
        <SelectField
          id={id('town')}
          label={label('town')}
          value={v.town}
          options={orgOptions(towns)}
          emptyLabel={t('form.choose')}
          onChange={set('town')}
          required
          error={errorOf('town')}
        />
        <SelectField
          id={id('village')}
          label={label('village')}
          value={v.village}
          options={orgOptions(villagesOf(tree, v.town))}
          emptyLabel={t('form.none')}
          onChange={set('village')}
          error={errorOf('village')}
        />
        <SelectField
          id={id('hukou')}
          label={label('hukou')}
          value={v.hukou}
          options={options.hukou}
          emptyLabel={t('form.none')}
          onChange={set('hukou')}
          error={errorOf('hukou')}
        />
        {text('householdNo')}
      </fieldset>
      <fieldset>
        <legend>{t('form.contact')}</legend>
        {text('phone', { type: 'tel', inputMode: 'tel' })}
        {text('guardianName')}
        {text('guardianPhone', { type: 'tel', inputMode: 'tel' })}
      </fieldset>
      <div className="form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {props.submitLabel}
        </Button>
        <Button onClick={props.onCancel}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}
