import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PersonSummary } from '../../../contracts/persons.ts';
import { ApiError, api } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type Application, chinaToday, usePersonDecisions } from './benefit-api.ts';
import { programOptions } from './options.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { ReasonList } from './ReasonList.tsx';

type Chosen = Pick<PersonSummary, 'id' | 'name' | 'idNumber'>;

/** 新申请: staff apply on a person's behalf; the rule's check for the chosen programme shows the facts it needs. */
export function NewApplicationForm({ initialPersonId, initialProgram }: { initialPersonId?: number; initialProgram: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = chinaToday();
  const preset = useQuery({
    queryKey: ['person', initialPersonId],
    queryFn: () => api<Chosen>(`/api/v1/persons/${initialPersonId}`),
    enabled: initialPersonId !== undefined,
  });
  const [picked, setPicked] = useState<Chosen | null>(null);
  const person = picked ?? preset.data ?? null;
  const [program, setProgram] = useState(initialProgram);
  const [appliedOn, setAppliedOn] = useState(today);
  const [applicant, setApplicant] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const check = usePersonDecisions(person?.id ?? 0, appliedOn, person !== null && /^\d{4}-\d{2}-\d{2}$/.test(appliedOn));
  const decision = check.data?.decisions.find((d) => d.program === program);
  const mutation = useMutation({
    mutationFn: () =>
      api<Application>('/api/v1/benefits/applications', {
        json: { personId: person?.id, program, appliedOn, ...(applicant.trim() ? { applicant: applicant.trim() } : {}) },
      }),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: ['benefit-applications'] });
      navigate(`/benefits/applications/${a.id}`, { state: { created: true } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items: SummaryItem[] = [];
    if (!person) items.push({ id: 'apply-q', label: t('benefits.apply.person'), message: t('benefits.apply.personRequired') });
    if (!program) items.push({ id: 'apply-program', label: t('benefits.program.label'), message: t('benefits.apply.programRequired') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(appliedOn))
      items.push({ id: 'apply-date', label: t('benefits.appliedOn'), message: t('form.dateRule') });
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    mutation.mutate();
  };
  const errorOf = (id: string) => problems.find((p) => p.id === id)?.message;
  const serverDetails = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <section id="new-application" className="panel" aria-labelledby="new-application-title">
      <h2 id="new-application-title">{t('benefits.apply.title')}</h2>
      <ErrorSummary items={problems} />
      <ErrorAlert error={mutation.error} />
      {serverDetails?.code === 'APPLICATION_OPEN' && <p>{t('benefits.apply.openHint')}</p>}
      <form className="decision-form" onSubmit={submit} noValidate>
        <PersonPicker chosen={person} onChoose={setPicked} error={errorOf('apply-q')} />
        <SelectField
          id="apply-program"
          label={t('benefits.program.label')}
          value={program}
          options={programOptions(t)}
          emptyLabel={t('benefits.apply.chooseProgram')}
          onChange={setProgram}
          required
          error={errorOf('apply-program')}
        />
        <DateField
          id="apply-date"
          label={t('benefits.appliedOn')}
          value={appliedOn}
          onChange={setAppliedOn}
          max={today}
          required
          hint={t('form.dateHint')}
          error={errorOf('apply-date')}
        />
        <TextField
          id="apply-applicant"
          label={t('benefits.apply.applicant')}
          hint={t('benefits.apply.applicantHint')}
          value={applicant}
          onChange={setApplicant}
          maxLength={100}
        />
        {person && program && (
          <section aria-labelledby="apply-check-title">
            <h3 id="apply-check-title">{t('benefits.apply.check')}</h3>
            <StatusMessage>
              {decision
                ? t(
                    decision.receiving
                      ? 'benefits.decision.receiving'
                      : decision.eligible
                        ? 'benefits.decision.eligible'
                        : 'benefits.decision.notEligible',
                  )
                : check.isFetching
                  ? t('benefits.loading')
                  : ''}
            </StatusMessage>
            {decision && <ReasonList reasons={decision.reasons} />}
          </section>
        )}
        <SubmitRow label={t('benefits.apply.submit')} loading={mutation.isPending} className="form-actions" />
      </form>
    </section>
  );
}
