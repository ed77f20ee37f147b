import { useMutation } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useOrgTree } from '../registry/org-units.ts';
import { chinaToday, orgNames } from './benefit-api.ts';
import {
  type Parameter,
  type RollProgram,
  type SimResult,
  fenToYuan,
  rollPrograms,
  useParameters,
  valueOn,
  yuanToFen,
  yuanTotal,
} from './policy-api.ts';
import './workflow.css';
import './ParametersPage.css';

const levels = ['1', '2', '3', '4'];
const categories = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'];

type Form = {
  program: RollProgram;
  date: string;
  amount: string;
  levels: string[];
  extendedCategories: string[];
  extendedLevels: string[];
  includeLowIncome: boolean;
};

/** The form as the parameters in force on a day say it (so that an unchanged form simulates no change). */
function currentForm(params: readonly Parameter[], program: RollProgram, date: string): Form {
  const find = (id: string) => params.find((p) => p.id === id);
  const amount = valueOn<number>(find(`${program}.monthlyAmount`), date);
  const list = (id: string) => (valueOn<unknown[]>(find(id), date) ?? []).map(String);
  return {
    program,
    date,
    amount: amount === undefined ? '' : fenToYuan(amount),
    levels: list('nursingSubsidy.levels'),
    extendedCategories: list('nursingSubsidy.extendedCategories'),
    extendedLevels: list('nursingSubsidy.extendedLevels'),
    includeLowIncome: valueOn<boolean>(find('livingSubsidy.includeLowIncome'), date) ?? false,
  };
}

/** The parameter overrides (OpenFisca "reform") the form describes, applying from the simulated day. */
function overridesOf(f: Form, amountFen: number): Record<string, { from: string; value: unknown }[]> {
  const at = (value: unknown) => [{ from: f.date, value }];
  if (f.program === 'livingSubsidy') {
    return { 'livingSubsidy.monthlyAmount': at(amountFen), 'livingSubsidy.includeLowIncome': at(f.includeLowIncome) };
  }
  return {
    'nursingSubsidy.monthlyAmount': at(amountFen),
    'nursingSubsidy.levels': at(f.levels.map(Number)),
    'nursingSubsidy.extendedCategories': at(f.extendedCategories),
    'nursingSubsidy.extendedLevels': at(f.extendedLevels.map(Number)),
  };
}

/** 政策测算: what if a subsidy's amount or scope changed — persons and yearly cost per town, no rule changed. */
export function SimulatePage() {
  const { t } = useTranslation();
  const params = useParameters();
  return (
    <>
      <PageTitle>{t('simulate.title')}</PageTitle>
      <p>{t('simulate.intro')}</p>
      <ErrorAlert error={params.error} />
      {params.isPending && <Spin />}
      {params.data && <SimulateForm params={params.data} />}
    </>
  );
}

function SimulateForm({ params }: { params: Parameter[] }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => currentForm(params, 'nursingSubsidy', chinaToday()));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const mutation = useMutation({
    mutationFn: (amountFen: number) =>
      api<SimResult>('/api/v1/benefits/simulate', {
        json: { date: form.date, programs: [form.program], overrides: overridesOf(form, amountFen) },
      }),
  });
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: SummaryItem[] = [];
    const amountFen = yuanToFen(form.amount);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date))
      found.push({ id: 'sim-date', label: t('simulate.date'), message: t('simulate.errors.date') });
    if (amountFen === null) found.push({ id: 'sim-amount', label: t('simulate.amount'), message: t('simulate.errors.amount') });
    setErrors(found);
    if (found[0]) {
      const first = found[0].id;
      setTimeout(() => focusField(first), 0);
      return;
    }
    mutation.mutate(amountFen as number);
  };
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const toggle = (key: 'levels' | 'extendedCategories' | 'extendedLevels', v: string) =>
    set({ [key]: form[key].includes(v) ? form[key].filter((x) => x !== v) : [...form[key], v].sort() });
  return (
    <>
      <ErrorSummary items={errors} />
      <form className="simulate-form" aria-label={t('simulate.formLabel')} onSubmit={submit} noValidate>
        <div className="benefit-filters">
          <SelectField
            id="sim-program"
            label={t('simulate.program')}
            value={form.program}
            options={rollPrograms.map((p) => ({ value: p, label: t(`benefits.program.${p}`) }))}
            onChange={(p) => setForm(currentForm(params, p as RollProgram, form.date))}
          />
          <DateField
            id="sim-date"
            label={t('simulate.date')}
            hint={t('simulate.dateHint')}
            value={form.date}
            onChange={(date) => set({ date })}
            error={errorOf('sim-date')}
          />
          <TextField
            id="sim-amount"
            label={t('simulate.amount')}
            hint={t('simulate.amountHint')}
            value={form.amount}
            onChange={(amount) => set({ amount })}
            required
            error={errorOf('sim-amount')}
          />
        </div>
        {form.program === 'nursingSubsidy' ? (
          <>
            <Choices
              legend={t('simulate.levels')}
              name="sim-levels"
              values={levels}
              picked={form.levels}
              label={(v) => t(`level.${v}`)}
              onToggle={(v) => toggle('levels', v)}
            />
            <Choices
              legend={t('simulate.extendedCategories')}
              name="sim-ext-cat"
              values={categories}
              picked={form.extendedCategories}
              label={(v) => t(`category.${v}`)}
              onToggle={(v) => toggle('extendedCategories', v)}
            />
            <Choices
              legend={t('simulate.extendedLevels')}
              name="sim-ext-level"
              values={levels}
              picked={form.extendedLevels}
              label={(v) => t(`level.${v}`)}
              onToggle={(v) => toggle('extendedLevels', v)}
            />
          </>
        ) : (
          <div className="field">
            <label className="check-choice">
              <input type="checkbox" checked={form.includeLowIncome} onChange={(e) => set({ includeLowIncome: e.target.checked })} />
              {t('simulate.includeLowIncome')}
            </label>
          </div>
        )}
        <div className="form-actions">
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('simulate.run')}
          </Button>
          <Button onClick={() => setForm(currentForm(params, form.program, form.date))}>{t('simulate.reset')}</Button>
        </div>
      </form>
      <StatusMessage>
        {mutation.isPending
          ? t('simulate.running')
          : mutation.data
            ? t('simulate.done', { persons: mutation.data.total.morePersons, amount: yuanTotal(mutation.data.total.moreAnnualFen) })
            : ''}
      </StatusMessage>
      <ErrorAlert error={mutation.error} />
      {mutation.data && <ResultTable result={mutation.data} />}
    </>
  );
}

function Choices(props: {
  legend: string;
  name: string;
  values: string[];
  picked: string[];
  label(v: string): string;
  onToggle(v: string): void;
}) {
  return (
    <fieldset className="field">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v} className="check-choice">
          <input type="checkbox" name={props.name} checked={props.picked.includes(v)} onChange={() => props.onToggle(v)} />
          {props.label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** Per town: persons and yearly cost now and with the change, the difference, and a totals row. */
function ResultTable({ result }: { result: SimResult }) {
  const { t } = useTranslation();
  const names = orgNames(useOrgTree().data);
  const sum = (pick: (r: SimResult['towns'][number]) => number) => result.towns.reduce((s, r) => s + pick(r), 0);
  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);
  return (
    <DataTable
      caption={t('simulate.caption', { program: t(`benefits.program.${result.towns[0]?.program ?? 'nursingSubsidy'}`), date: result.date })}
      headers={[
        t('simulate.town'),
        { text: t('simulate.basePersons'), numeric: true },
        { text: t('simulate.reformPersons'), numeric: true },
        { text: t('simulate.morePersons'), numeric: true },
        { text: t('simulate.baseAnnual'), numeric: true },
        { text: t('simulate.reformAnnual'), numeric: true },
        { text: t('simulate.moreAnnual'), numeric: true },
      ]}
      footer={
        <tr>
          <th scope="row">{t('simulate.total')}</th>
          <td className="num">{result.total.basePersons}</td>
          <td className="num">{result.total.reformPersons}</td>
          <td className="num">{signed(result.total.morePersons, String(result.total.morePersons))}</td>
          <td className="num">{yuanTotal(sum((r) => r.base.annualFen))}</td>
          <td className="num">{yuanTotal(sum((r) => r.reform.annualFen))}</td>
          <td className="num">{signed(result.total.moreAnnualFen, yuanTotal(result.total.moreAnnualFen))}</td>
        </tr>
      }
    >
      {result.towns.map((r) => (
        <tr key={`${r.town}-${r.program}`}>
          <th scope="row">{names.get(r.town) ?? r.town}</th>
          <td className="num">{r.base.persons}</td>
          <td className="num">{r.reform.persons}</td>
          <td className="num">{signed(r.morePersons, String(r.morePersons))}</td>
          <td className="num">{yuanTotal(r.base.annualFen)}</td>
          <td className="num">{yuanTotal(r.reform.annualFen)}</td>
          <td className="num">{signed(r.moreAnnualFen, yuanTotal(r.moreAnnualFen))}</td>
        </tr>
      ))}
    </DataTable>
  );
}
