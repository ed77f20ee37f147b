import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField } from '../../components/ErrorSummary.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { TextField } from '../../components/TextField.tsx';
import { chinaToday, queryOf } from './benefit-api.ts';
import { type RollProgram, type RollSummary, rollPrograms, yuanTotal } from './policy-api.ts';
import { RollCompare } from './RollCompare.tsx';
import { RollStatus } from './RollStatus.tsx';
import './workflow.css';
import './ParametersPage.css';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 发放名册: the rolls built so far, generating a month's roll, and comparing two months. */
export function RollsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [program, setProgram] = useState<string>('');
  const query = useQuery({
    queryKey: ['benefit-rolls', program],
    queryFn: () => api<{ items: RollSummary[] }>(`/api/v1/benefits/rolls?${queryOf({ program })}`).then((r) => r.items),
  });
  const programOptions = rollPrograms.map((p) => ({ value: p, label: t(`benefits.program.${p}`) }));
  const items = query.data ?? [];
  return (
    <>
      <PageTitle>{t('rolls.title')}</PageTitle>
      <p>{t('rolls.intro')}</p>
      {can(user, 'benefit.roll') && <GenerateForm />}
      <section aria-labelledby="rolls-list-title">
        <h2 id="rolls-list-title">{t('rolls.listTitle')}</h2>
        <form className="benefit-filters" aria-label={t('rolls.filter')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="rl-program"
            label={t('rolls.program')}
            value={program}
            options={programOptions}
            emptyLabel={t('rolls.allPrograms')}
            onChange={setProgram}
          />
        </form>
        <ListStatus
          query={query}
          status={query.isSuccess ? t('rolls.count', { count: items.length }) : ''}
          count={items.length}
          none={t('rolls.none')}
        />
        {items.length > 0 && (
          <DataTable
            caption={t('rolls.listCaption')}
            headers={[
              t('rolls.month'),
              t('rolls.program'),
              t('rolls.status'),
              { text: t('rolls.persons'), numeric: true },
              { text: t('rolls.total'), numeric: true },
              t('rolls.createdBy'),
              t('rolls.approvedBy'),
            ]}
          >
            {items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/benefits/rolls/${r.id}`}>
                    {t('rolls.openRoll', { month: r.month, program: t(`benefits.program.${r.program}`) })}
                  </Link>
                </th>
                <td>{t(`benefits.program.${r.program}`)}</td>
                <td>
                  <RollStatus status={r.status} />
                </td>
                <td className="num">{r.persons}</td>
                <td className="num">{yuanTotal(r.totalFen)}</td>
                <td>
                  {r.createdBy} {r.createdAt.slice(0, 10)}
                </td>
                <td>{r.approvedBy ? `${r.approvedBy} ${r.approvedAt?.slice(0, 10) ?? ''}` : '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <RollCompare programOptions={programOptions} />
    </>
  );
}

/** 生成名册: a programme and a month (YYYY-MM); a draft of the same month is rebuilt, an approved one refuses. */
function GenerateForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [program, setProgram] = useState<RollProgram>('nursingSubsidy');
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const [error, setError] = useState('');
  const mutation = useMutation({
    mutationFn: () => api<{ id: number }>('/api/v1/benefits/rolls', { json: { program, month } }),
    onSuccess: async (roll) => {
      await queryClient.invalidateQueries({ queryKey: ['benefit-rolls'] });
      await navigate(`/benefits/rolls/${roll.id}`, { state: { generated: true } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!monthPattern.test(month.trim())) {
      setError(t('rolls.errors.month'));
      setTimeout(() => focusField('rg-month'), 0);
      return;
    }
    setError('');
    mutation.mutate();
  };
  return (
    <section aria-labelledby="rolls-generate-title">
      <h2 id="rolls-generate-title">{t('rolls.generateTitle')}</h2>
      <ErrorSummary items={error ? [{ id: 'rg-month', label: t('rolls.month'), message: error }] : []} />
      <ErrorAlert error={mutation.error} />
      <form className="benefit-filters" aria-labelledby="rolls-generate-title" onSubmit={submit} noValidate>
        <SelectField
          id="rg-program"
          label={t('rolls.program')}
          value={program}
          options={rollPrograms.map((p) => ({ value: p, label: t(`benefits.program.${p}`) }))}
          onChange={(p) => setProgram(p as RollProgram)}
          required
        />
        <TextField
          id="rg-month"
          label={t('rolls.month')}
          hint={t('rolls.monthHint')}
          value={month}
          onChange={setMonth}
          required
          maxLength={7}
          error={error || undefined}
        />
        <SubmitRow label={t('rolls.generate')} loading={mutation.isPending} />
      </form>
    </section>
  );
}
