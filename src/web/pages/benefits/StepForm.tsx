import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import type { Application, Reason } from './benefit-api.ts';
import { ReasonList } from './ReasonList.tsx';
import { StepConflictDialog } from './StepConflictDialog.tsx';

/** Which step the form decides: 乡镇初审 (town review) or 县级审批 (county approval). */
export type StepKind = 'townReview' | 'countyApproval';

/**
 * The decision of one step: approve, or return/reject with a required written reason. Errors go to an error
 * summary; a version conflict opens the conflict dialog.
 */
export function StepForm({ kind, application, onDone }: { kind: StepKind; application: Application; onDone(message: string): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<'' | 'approve' | 'reject'>('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [conflict, setConflict] = useState(false);
  const id = `${kind}`;
  const path = `/api/v1/benefits/applications/${application.id}/${kind === 'townReview' ? 'town-review' : 'county-approval'}`;
  const mutation = useMutation({
    mutationFn: (version: number) =>
      api<Application>(path, { json: { version, approve: choice === 'approve', ...(reason.trim() ? { reason: reason.trim() } : {}) } }),
    onSuccess: (a) => {
      queryClient.setQueryData(['benefit-application', a.id], a);
      void queryClient.invalidateQueries({ queryKey: ['benefit-applications'] });
      void queryClient.invalidateQueries({ queryKey: ['benefit-decisions'] });
      onDone(t(`benefits.decide.done.${kind}.${choice}`));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setConflict(true);
      if (e instanceof ApiError && e.code === 'REJECTION_REASON_REQUIRED') {
        setProblems([{ id: `${id}-reason`, label: t('benefits.decide.reason'), message: e.message }]);
        focusField(`${id}-reason`);
      }
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items: SummaryItem[] = [];
    if (!choice)
      items.push({ id: `${id}-approve`, label: t(`benefits.decide.${kind}.legend`), message: t('benefits.decide.chooseRequired') });
    if (choice === 'reject' && !reason.trim())
      items.push({ id: `${id}-reason`, label: t('benefits.decide.reason'), message: t('benefits.decide.reasonRequired') });
    setProblems(items);
    if (items[0]) return focusField(items[0].id);
    mutation.mutate(application.version);
  };
  const reasonError = problems.find((p) => p.id === `${id}-reason`)?.message;
  const choiceError = problems.find((p) => p.id === `${id}-approve`)?.message;
  const notEligible = mutation.error instanceof ApiError && mutation.error.code === 'NOT_ELIGIBLE' ? mutation.error : null;
  const failed = (notEligible?.details as { reasons?: Reason[] } | undefined)?.reasons ?? [];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`benefits.decide.${kind}.title`)}</h2>
      <ErrorSummary items={problems} />
      {!(mutation.error instanceof ApiError && ['VERSION_CONFLICT', 'REJECTION_REASON_REQUIRED'].includes(mutation.error.code)) && (
        <ErrorAlert error={mutation.error} />
      )}
      {failed.length > 0 && <ReasonList reasons={failed} />}
      <form className="decision-form" onSubmit={submit} noValidate>
        <fieldset aria-describedby={choiceError ? `${id}-choice-error` : undefined}>
          <legend>{t(`benefits.decide.${kind}.legend`)}</legend>
          {choiceError && (
            <div id={`${id}-choice-error`} className="field-error">
              {choiceError}
            </div>
          )}
          <label className="check">
            <input
              id={`${id}-approve`}
              type="radio"
              name={`${id}-choice`}
              checked={choice === 'approve'}
              onChange={() => setChoice('approve')}
            />
            {t(`benefits.decide.${kind}.approve`)}
          </label>
          <label className="check">
            <input type="radio" name={`${id}-choice`} checked={choice === 'reject'} onChange={() => setChoice('reject')} />
            {t(`benefits.decide.${kind}.reject`)}
          </label>
        </fieldset>
        <Field
          id={`${id}-reason`}
          label={t('benefits.decide.reason')}
          required={choice === 'reject'}
          hint={t('benefits.decide.reasonHint')}
          error={reasonError}
        >
          <textarea
            {...describedBy(`${id}-reason`, t('benefits.decide.reasonHint'), reasonError)}
            className="benefit-textarea"
            value={reason}
            maxLength={1000}
            aria-required={choice === 'reject' || undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <SubmitRow label={t('benefits.decide.submit')} loading={mutation.isPending} className="form-actions" />
      </form>
      {conflict && (
        <StepConflictDialog
          application={application}
          mine={t(`benefits.decide.${kind}.${choice === 'approve' ? 'approve' : 'reject'}`)}
          expectedStatus={kind === 'townReview' ? 'submitted' : 'townReviewed'}
          onResend={(version) => {
            setConflict(false);
            mutation.mutate(version);
          }}
          onClose={() => setConflict(false)}
        />
      )}
    </section>
  );
}
