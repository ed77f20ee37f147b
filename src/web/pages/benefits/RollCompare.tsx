import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useOrgTree } from '../registry/org-units.ts';
import { chinaToday, orgNames, queryOf } from './benefit-api.ts';
import { type RollComparison, addMonths, fenToYuan } from './policy-api.ts';
import { PersonCells } from '../../components/PersonCells.tsx';

/** Rows shown per table: a county-wide change (a new standard) touches every person; the export has them all. */
const shown = 100;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
type Query = { program: string; from: string; to: string };

/** 两个月对比: who was added, who stopped (and why), whose amount changed (from → to), between two built rolls. */
export function RollCompare({ programOptions }: { programOptions: Option[] }) {
  const { t } = useTranslation();
  const thisMonth = chinaToday().slice(0, 7);
  const [form, setForm] = useState<Query>({ program: 'nursingSubsidy', from: addMonths(thisMonth, -1), to: thisMonth });
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [asked, setAsked] = useState<Query | null>(null);
  const query = useQuery({
    queryKey: ['benefit-roll-compare', asked],
    queryFn: () => api<RollComparison>(`/api/v1/benefits/rolls/compare?${queryOf(asked as Query)}`),
    enabled: asked !== null,
    retry: false,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: SummaryItem[] = [];
    if (!monthPattern.test(form.from)) found.push({ id: 'rc-from', label: t('rolls.compare.from'), message: t('rolls.errors.month') });
    if (!monthPattern.test(form.to)) found.push({ id: 'rc-to', label: t('rolls.compare.to'), message: t('rolls.errors.month') });
    if (found.length === 0 && form.from >= form.to)
      found.push({ id: 'rc-to', label: t('rolls.compare.to'), message: t('rolls.errors.order') });
    setErrors(found);
    if (found[0]) {
      const first = found[0].id;
      setTimeout(() => focusField(first), 0);
      return;
    }
    setAsked({ ...form });
  };
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const missing = query.error instanceof ApiError && query.error.code === 'NOT_FOUND';
  const d = query.data;
  return (
    <section aria-labelledby="rolls-compare-title">
      <h2 id="rolls-compare-title">{t('rolls.compare.title')}</h2>
      <ErrorSummary items={errors} />
      <form className="benefit-filters" aria-labelledby="rolls-compare-title" onSubmit={submit} noValidate>
        <SelectField
          id="rc-program"
          label={t('rolls.program')}
          value={form.program}
          options={programOptions}
          onChange={(program) => setForm((f) => ({ ...f, program }))}
        />
        <TextField
          id="rc-from"
          label={t('rolls.compare.from')}
          hint={t('rolls.monthHint')}
          value={form.from}
          maxLength={7}
          onChange={(from) => setForm((f) => ({ ...f, from }))}
          error={errorOf('rc-from')}
        />
        <TextField
          id="rc-to"
          label={t('rolls.compare.to')}
          hint={t('rolls.monthHint')}
          value={form.to}
          maxLength={7}
          onChange={(to) => setForm((f) => ({ ...f, to }))}
          error={errorOf('rc-to')}
        />
        <SubmitRow label={t('rolls.compare.run')} />
      </form>
      <StatusMessage>
        {d ? t('rolls.compare.summary', { added: d.added.length, stopped: d.stopped.length, changed: d.changed.length }) : ''}
      </StatusMessage>
      {missing ? <Alert type="error" showIcon role="alert" title={t('rolls.compare.missing')} /> : <ErrorAlert error={query.error} />}
      {query.isFetching && <Spin />}
      {d && <CompareTables d={d} />}
    </section>
  );
}

function CompareTables({ d }: { d: RollComparison }) {
  const { t } = useTranslation();
  const names = orgNames(useOrgTree().data);
  const town = (code: string) => names.get(code) ?? code;
  const person = (p: { personId: number; name: string; idNumber: string | null; town: string }) => (
    <>
      <PersonCells id={p.personId} name={p.name} idNumber={p.idNumber} />
      <td>{town(p.town)}</td>
    </>
  );
  return (
    <>
      <DiffTable id="cmp-added" caption={t('rolls.compare.added', { count: d.added.length, to: d.to })} amountHead={t('rolls.amount')}>
        {d.added.slice(0, shown).map((p) => (
          <tr key={p.personId}>
            {person(p)}
            <td className="num">{fenToYuan(p.amountFen)}</td>
            <td>{t('rolls.compare.addedWhy', { from: d.from, to: d.to })}</td>
          </tr>
        ))}
      </DiffTable>
      <DiffTable
        id="cmp-stopped"
        caption={t('rolls.compare.stopped', { count: d.stopped.length, to: d.to })}
        amountHead={t('rolls.compare.lastAmount')}
      >
        {d.stopped.slice(0, shown).map((p) => (
          <tr key={p.personId}>
            {person(p)}
            <td className="num">{fenToYuan(p.amountFen)}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </DiffTable>
      <DiffTable
        id="cmp-changed"
        caption={t('rolls.compare.changed', { count: d.changed.length })}
        amountHead={t('rolls.compare.newAmount')}
      >
        {d.changed.slice(0, shown).map((p) => (
          <tr key={p.personId}>
            {person(p)}
            <td className="num">{fenToYuan(p.toFen)}</td>
            <td>
              {t('rolls.compare.changedWhy', {
                from: fenToYuan(p.fromFen),
                to: fenToYuan(p.toFen),
                sign: p.toFen > p.fromFen ? '+' : '−',
                diff: fenToYuan(Math.abs(p.toFen - p.fromFen)),
              })}
            </td>
          </tr>
        ))}
      </DiffTable>
      {[d.added, d.stopped, d.changed].some((l) => l.length > shown) && <p>{t('rolls.compare.cut', { count: shown })}</p>}
    </>
  );
}

function DiffTable({ id, caption, amountHead, children }: { id: string; caption: string; amountHead: string; children: ReactNode[] }) {
  const { t } = useTranslation();
  if (children.length === 0) return <p id={id}>{caption}</p>;
  return (
    <ScrollRegion labelledBy={`${id}-caption`}>
      <table className="data-table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rolls.name')}</th>
            <th scope="col">{t('rolls.idNumber')}</th>
            <th scope="col">{t('rolls.town')}</th>
            <th scope="col" className="num">
              {amountHead}
            </th>
            <th scope="col">{t('rolls.compare.why')}</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
