import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SurveyRecord } from '../../../contracts/survey.ts';
import { ApiError, api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, type SummaryItem, focusField } from '../../components/ErrorSummary.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { TextField } from '../../components/TextField.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { personIdOf, usePerson } from '../registry/person-api.ts';
import { SurveyHistory } from './SurveyHistory.tsx';
import './services.css';
import { type SurveyForm, answersOf, choiceKeys, formOf, yesNoKeys } from './survey-values.ts';

type SurveyList = { items: SurveyRecord[]; history: SurveyRecord[] };

const firstYear = 2021;
const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);

/** 需求调查 (动态更新): one person's answers per year, entered by the village worker, corrections kept as history. */
export function SurveyPage() {
  const { t } = useTranslation();
  const id = personIdOf(useParams().id);
  const person = usePerson(id);
  const survey = useQuery({
    queryKey: ['survey', id],
    queryFn: () => api<SurveyList>(`/api/v1/persons/${id}/survey`),
    enabled: !Number.isNaN(id),
  });
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState('');
  if (Number.isNaN(id) || (person.error instanceof ApiError && person.error.status === 404)) return <NotFoundPage />;
  if (!person.data || !survey.data) return person.error || survey.error ? <ErrorAlert error={person.error ?? survey.error} /> : <Spin />;
  const current = survey.data.items.find((r) => r.year === year);
  return (
    <>
      <PageTitle>{t('survey.title', { name: person.data.name })}</PageTitle>
      <p>
        <Link to={`/persons/${id}`}>{t('survey.back')}</Link>
      </p>
      <SelectField
        id="survey-year"
        label={t('survey.year')}
        value={String(year)}
        options={years.map((y) => ({
          value: String(y),
          label: t('survey.yearOption', {
            year: y,
            state: survey.data.items.some((r) => r.year === y) ? t('survey.filled') : t('survey.empty'),
          }),
        }))}
        onChange={(v) => {
          setYear(Number(v));
          setStatus('');
        }}
      />
      <StatusMessage>{status}</StatusMessage>
      <SurveyEditor
        key={`${year}-${current?.version ?? 0}`}
        personId={id}
        year={year}
        current={current}
        onSaved={() => setStatus(t('survey.saved', { year }))}
      />
      <SurveyHistory year={year} rows={survey.data.history.filter((r) => r.year === year)} />
    </>
  );
}

/** The form for one year, based on the version read; a stale version is refused by the server (409). */
function SurveyEditor(props: { personId: number; year: number; current: SurveyRecord | undefined; onSaved(): void }) {
  const { personId, year, current } = props;
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const writable = can(user, 'survey.write');
  const [form, setForm] = useState<SurveyForm>(() => formOf(current));
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SurveyForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const label = (key: string) => t(`survey.q.${key}`);
  const problemOf = (key: string) => problems.find((p) => p.id === `survey-${key}`)?.message;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems([]);
    setError(null);
    try {
      await api(`/api/v1/persons/${personId}/survey/${year}`, {
        method: 'PUT',
        json: { ...answersOf(form), version: current?.version ?? 0 },
      });
      props.onSaved();
      await queryClient.invalidateQueries({ queryKey: ['survey', personId] });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setConflict(true);
      else if (err instanceof ApiError && err.problems.length > 0) {
        const items = err.problems.map((p) => ({ id: `survey-${p.field}`, label: label(p.field), message: p.message }));
        setProblems(items);
        if (items[0]) focusField(items[0].id);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const yesNo = [
    { value: 'yes', label: t('survey.yes') },
    { value: 'no', label: t('survey.no') },
  ];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('survey.formLabel', { year })}>
      <p>
        {current
          ? t('survey.version', { version: current.version, at: current.recordedAt.slice(0, 10), by: current.recordedBy })
          : t('survey.none', { year })}
      </p>
      <ErrorSummary items={problems} />
      <ErrorAlert error={error} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('survey.conflict')}
          action={
            <Button onClick={() => void queryClient.invalidateQueries({ queryKey: ['survey', personId] })}>{t('survey.reload')}</Button>
          }
        />
      )}
      <fieldset className="survey-fields" disabled={!writable}>
        <legend>{t('survey.answers', { year })}</legend>
        {yesNoKeys.map((k) => (
          <SelectField
            key={k}
            id={`survey-${k}`}
            label={label(k)}
            value={form[k]}
            options={yesNo}
            emptyLabel={t('survey.notAsked')}
            onChange={set(k)}
            error={problemOf(k)}
          />
        ))}
        {(Object.keys(choiceKeys) as (keyof typeof choiceKeys)[]).map((k) => (
          <SelectField
            key={k}
            id={`survey-${k}`}
            label={label(k)}
            value={form[k]}
            options={choiceKeys[k].map((v) => ({ value: v, label: t(`survey.a.${k}.${v}`) }))}
            emptyLabel={t('survey.notAsked')}
            onChange={set(k)}
            error={problemOf(k)}
          />
        ))}
        <TextField
          id="survey-incomePerCapita"
          label={label('incomePerCapita')}
          value={form.incomePerCapita}
          onChange={set('incomePerCapita')}
          inputMode="numeric"
          hint={t('survey.incomeHint')}
          error={problemOf('incomePerCapita')}
        />
      </fieldset>
      {writable && <SubmitRow label={t('survey.save')} loading={busy} className="form-actions" />}
    </form>
  );
}
