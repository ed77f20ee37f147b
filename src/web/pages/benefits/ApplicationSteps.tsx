import { useTranslation } from 'react-i18next';
import { type Application, chinaToday } from './benefit-api.ts';

type StepState = 'done' | 'current' | 'pending' | 'rejected' | 'skipped';
type Step = { key: string; state: StepState; detail: string };

/** The steps in the order they happen here: the public notice starts when the county approves (docs/benefits.md). */
function stepsOf(a: Application, t: (k: string, o?: Record<string, unknown>) => string): Step[] {
  const rejectedAtTown = a.status === 'rejected' && !a.townReviewedOn;
  const rejectedAtCounty = a.status === 'rejected' && !!a.townReviewedOn;
  const by = (on: string | null, who: string | null) => (on ? t('benefits.steps.by', { date: on, who: who ?? '—' }) : '');
  const rejected = t('benefits.steps.rejectedBy', { date: a.rejectedOn ?? '—', who: a.rejectedBy ?? '—', reason: a.rejectionReason ?? '' });
  const approved = a.status === 'approved';
  const closed = a.status === 'rejected';
  const today = chinaToday();
  return [
    {
      key: 'applied',
      state: 'done',
      detail: by(a.appliedOn, a.createdBy) + (a.applicant ? t('benefits.steps.applicant', { name: a.applicant }) : ''),
    },
    {
      key: 'townReview',
      state: rejectedAtTown ? 'rejected' : a.townReviewedOn ? 'done' : a.status === 'submitted' ? 'current' : 'pending',
      detail: rejectedAtTown ? rejected : by(a.townReviewedOn, a.townReviewedBy),
    },
    {
      key: 'countyApproval',
      state: rejectedAtCounty ? 'rejected' : approved ? 'done' : a.status === 'townReviewed' ? 'current' : closed ? 'skipped' : 'pending',
      detail: rejectedAtCounty ? rejected : by(a.countyApprovedOn, a.countyApprovedBy),
    },
    {
      key: 'publicNotice',
      state: approved ? (a.noticeEndsOn && a.noticeEndsOn >= today ? 'current' : 'done') : closed ? 'skipped' : 'pending',
      detail: a.noticeEndsOn ? t('benefits.steps.noticeEnds', { date: a.noticeEndsOn }) : '',
    },
    {
      key: 'payment',
      state: approved && a.paymentFrom && a.paymentFrom <= today ? 'done' : closed ? 'skipped' : 'pending',
      detail: a.paymentFrom ? t('benefits.steps.paymentFrom', { date: a.paymentFrom }) : '',
    },
  ];
}

const marks: Record<StepState, string> = { done: '✓', current: '…', pending: '○', rejected: '✗', skipped: '–' };

/** 办理进度: an ordered list, each step with its state in words (not colour alone), who and when. */
export function ApplicationSteps({ application }: { application: Application }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('benefits.steps.title')}</h2>
      <ol className="timeline">
        {stepsOf(application, t).map((s) => (
          <li key={s.key} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {marks[s.state]}
            </span>
            <h3>
              {t(`benefits.steps.${s.key}`)}
              {t('benefits.reason.separator')}
              {t(`benefits.steps.state.${s.state}`)}
            </h3>
            {s.detail && <p>{s.detail}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
