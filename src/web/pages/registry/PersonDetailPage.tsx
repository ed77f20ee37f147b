import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { PersonBenefits } from '../benefits/PersonBenefits.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { CertificateHistory } from './CertificateHistory.tsx';
import { ChangeHistory } from './ChangeHistory.tsx';
import { PersonIdentity } from './PersonIdentity.tsx';
import { personIdOf, usePerson } from './person-api.ts';
import { RevealDialog } from './RevealDialog.tsx';
import { StatusChangeDialog } from './StatusChangeDialog.tsx';

/** A person's record: identity, certificates, household, change history; edit, reveal and status actions by role. */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const user = useUser();
  const id = personIdOf(useParams().id);
  const person = usePerson(id);
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const [dialog, setDialog] = useState<'reveal' | 'deceased' | 'movedOut' | null>(null);
  if (Number.isNaN(id) || (person.error instanceof ApiError && person.error.status === 404)) return <NotFoundPage />;
  if (person.isPending) return <Spin />;
  if (!person.data) return <ErrorAlert error={person.error} />;
  const p = person.data;
  const writable = can(user, 'person.write');
  return (
    <>
      <p className="back-link">
        <Link to="/persons">{t('detail.back')}</Link>
      </p>
      <PageTitle>{t('detail.title', { name: p.name })}</PageTitle>
      <StatusMessage>{saved ? t('detail.saved') : ''}</StatusMessage>
      <div className="page-actions">
        {writable && (
          <Link className="link-button primary" to={`/persons/${id}/edit`}>
            {t('detail.edit')}
          </Link>
        )}
        {can(user, 'person.reveal') && <Button onClick={() => setDialog('reveal')}>{t('reveal.open')}</Button>}
        {writable && p.status === 'active' && <Button onClick={() => setDialog('deceased')}>{t('statusChange.deceased')}</Button>}
        {writable && p.status === 'active' && <Button onClick={() => setDialog('movedOut')}>{t('statusChange.movedOut')}</Button>}
        <Link className="link-button" to={`/persons/${id}/survey`}>
          {t('survey.open')}
        </Link>
        <Link className="link-button" to={`/persons/${id}/services`}>
          {t('services.open')}
        </Link>
      </div>
      <PersonIdentity person={p} revealed={revealed} />
      <CertificateHistory certificates={p.certificates ?? []} />
      {p.householdMembers !== undefined && (
        <section aria-labelledby="household-title" className="panel">
          <h2 id="household-title">{t('detail.household')}</h2>
          <p>{t('detail.householdNo', { no: p.householdNo ?? '—' })}</p>
          {p.householdMembers.length === 0 ? (
            <p>{t('detail.noMembers')}</p>
          ) : (
            <ul>
              {p.householdMembers.map((m) => (
                <li key={m.id}>
                  <Link to={`/persons/${m.id}`}>{m.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <PersonBenefits personId={id} />
      <ChangeHistory id={id} />
      <RevealDialog
        open={dialog === 'reveal'}
        id={id}
        onClose={() => setDialog(null)}
        onRevealed={(v) => setRevealed((r) => ({ ...r, ...v }))}
      />
      {(dialog === 'deceased' || dialog === 'movedOut') && <StatusChangeDialog to={dialog} person={p} onClose={() => setDialog(null)} />}
    </>
  );
}
