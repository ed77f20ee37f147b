import { Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { yuan } from '../../money.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useOrgTree } from '../registry/org-units.ts';
import { orgNames, useApplication } from './benefit-api.ts';
import { ApplicationSteps } from './ApplicationSteps.tsx';
import { ReasonList } from './ReasonList.tsx';
import { StepForm } from './StepForm.tsx';
import { TimeLimit } from './TimeLimit.tsx';
import './workflow.css';

/** 申请详情: the application, its steps (who and when), and the step the user's grants allow. */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const user = useUser();
  const raw = useParams().id ?? '';
  const id = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const query = useApplication(id);
  const names = orgNames(useOrgTree().data);
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [done, setDoneText] = useState('');
  // The form goes away once its step is decided: focus returns to the page heading, and the outcome is announced.
  const setDone = (message: string) => {
    setDoneText(message);
    document.querySelector<HTMLElement>('h1.page-title')?.focus();
  };
  if (Number.isNaN(id) || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  if (query.isPending) return <Spin />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const a = query.data;
  const program = t(`benefits.program.${a.program}`);
  return (
    <>
      <p className="back-link">
        <Link to="/benefits/applications">{t('benefits.detail.back')}</Link>
      </p>
      <PageTitle>{t('benefits.detail.title', { name: a.name, program })}</PageTitle>
      <StatusMessage>{done || (created ? t('benefits.detail.created') : '')}</StatusMessage>
      <section className="panel" aria-labelledby="application-facts">
        <h2 id="application-facts">{t('benefits.detail.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('benefits.person')}</dt>
            <dd>
              <Link to={`/persons/${a.personId}`}>{a.name}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('benefits.idNumber')}</dt>
            <dd>
              <MaskedNumber value={a.idNumber} />
            </dd>
          </div>
          <div>
            <dt>{t('benefits.town')}</dt>
            <dd>{names.get(a.town) ?? a.town}</dd>
          </div>
          <div>
            <dt>{t('benefits.program.label')}</dt>
            <dd>{program}</dd>
          </div>
          <div>
            <dt>{t('benefits.status.label')}</dt>
            <dd>{t(`benefits.status.${a.status}`)}</dd>
          </div>
          <div>
            <dt>{t('benefits.step.label')}</dt>
            <dd>{a.step ? t(`benefits.step.${a.step}`) : '—'}</dd>
          </div>
          <div>
            <dt>{t('benefits.timeLimit.label')}</dt>
            <dd>
              <TimeLimit dueOn={a.dueOn} overdue={a.overdue} />
            </dd>
          </div>
          <div>
            <dt>{t('benefits.amount')}</dt>
            <dd>{yuan(a.monthlyAmount ?? a.decision?.monthlyAmount)}</dd>
          </div>
        </dl>
      </section>
      <ApplicationSteps application={a} />
      {a.status === 'submitted' && can(user, 'benefit.townReview') && (
        <StepForm key={`town-${a.version}`} kind="townReview" application={a} onDone={setDone} />
      )}
      {a.status === 'townReviewed' && can(user, 'benefit.approve') && (
        <StepForm key={`county-${a.version}`} kind="countyApproval" application={a} onDone={setDone} />
      )}
      {a.decision && (
        <section className="panel" aria-labelledby="application-decision">
          <h2 id="application-decision">{t('benefits.detail.decision', { date: a.appliedOn })}</h2>
          <p>{t(a.decision.eligible ? 'benefits.decision.eligible' : 'benefits.decision.notEligible')}</p>
          <ReasonList reasons={a.decision.reasons} />
        </section>
      )}
    </>
  );
}
