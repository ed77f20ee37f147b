import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Enrolment, ServiceRecord } from '../../../contracts/services.ts';
import { ApiError, api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { yuan } from '../../money.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { personIdOf, usePerson } from '../registry/person-api.ts';
import { ServiceAddForm } from './ServiceAddForm.tsx';
import { ServiceStatusDialog } from './ServiceStatusDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';

/** 服务记录: every service given to one person (rehab, devices, training, school, jobs, insurance, home modification) and the programmes enrolled in. */
export function ServicesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const id = personIdOf(useParams().id);
  const person = usePerson(id);
  const services = useQuery({
    queryKey: ['services', id],
    queryFn: () => api<{ items: ServiceRecord[] }>(`/api/v1/persons/${id}/services`),
    enabled: !Number.isNaN(id),
  });
  const enrolments = useQuery({
    queryKey: ['enrolments', id],
    queryFn: () => api<{ items: Enrolment[] }>(`/api/v1/persons/${id}/enrolments`),
    enabled: !Number.isNaN(id),
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ServiceRecord | null>(null);
  const [status, setStatus] = useState('');
  if (Number.isNaN(id) || (person.error instanceof ApiError && person.error.status === 404)) return <NotFoundPage />;
  if (!person.data) return person.error ? <ErrorAlert error={person.error} /> : <Spin />;
  const writable = can(user, 'survey.write');
  return (
    <>
      <PageTitle>{t('services.title', { name: person.data.name })}</PageTitle>
      <p>
        <Link to={`/persons/${id}`}>{t('services.back')}</Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      {writable && !adding && (
        <div className="page-actions">
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('services.add')}
          </Button>
        </div>
      )}
      {adding && (
        <ServiceAddForm
          personId={id}
          onDone={(saved) => {
            setAdding(false);
            if (saved) setStatus(t('services.added'));
          }}
        />
      )}
      <ErrorAlert error={services.error ?? enrolments.error} />
      {services.data && <ServiceTable items={services.data.items} onEdit={writable ? setEditing : undefined} />}
      {enrolments.data && <EnrolmentTable items={enrolments.data.items} />}
      {editing && (
        <ServiceStatusDialog
          personId={id}
          record={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setStatus(t('services.updated'));
          }}
        />
      )}
    </>
  );
}

function ServiceTable({ items, onEdit }: { items: ServiceRecord[]; onEdit?: (r: ServiceRecord) => void }) {
  const { t } = useTranslation();
  const caption = t('services.caption');
  if (items.length === 0) return <p>{t('services.none')}</p>;
  const details = (r: ServiceRecord) =>
    Object.entries(r.details ?? {})
      .filter(([k, v]) => k !== 'stages' && typeof v === 'string')
      .map(([k, v]) => `${t(`services.detail.${k}`, { defaultValue: k })}：${String(v)}`)
      .join('；');
  return (
    <DataTable
      caption={caption}
      headers={[
        t('services.kind'),
        t('services.startDate'),
        t('services.endDate'),
        t('services.status'),
        t('services.providerCol'),
        t('services.details'),
        t('services.costCol'),
        ...(onEdit ? [t('services.actions')] : []),
      ]}
    >
      {items.map((r) => (
        <tr key={r.id}>
          <th scope="row">{t(`services.kinds.${r.kind}`)}</th>
          <td>{r.startDate}</td>
          <td>{r.endDate ?? '—'}</td>
          <td>{t(`services.statuses.${r.status}`)}</td>
          <td>{[r.provider, r.department].filter(Boolean).join(' / ') || '—'}</td>
          <td>{details(r) || '—'}</td>
          <td>{yuan(r.costFen)}</td>
          {onEdit && (
            <td>
              {r.status !== 'cancelled' && r.status !== 'completed' && r.status !== 'accepted' && (
                <Button
                  size="small"
                  onClick={() => onEdit(r)}
                  aria-label={t('services.updateFor', { kind: t(`services.kinds.${r.kind}`), date: r.startDate })}
                >
                  {t('services.update')}
                </Button>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

function EnrolmentTable({ items }: { items: Enrolment[] }) {
  const { t } = useTranslation();
  const caption = t('services.enrolmentsCaption');
  if (items.length === 0) return <p>{t('services.noEnrolments')}</p>;
  return (
    <DataTable
      caption={caption}
      headers={[t('services.program'), t('services.startDate'), t('services.endDate'), t('services.monthly'), t('services.source')]}
    >
      {items.map((e) => (
        <tr key={e.id}>
          <th scope="row">{t(`renewals.program.${e.program}`, { defaultValue: e.program })}</th>
          <td>{e.startDate}</td>
          <td>{e.endDate ?? t('services.ongoing')}</td>
          <td>{yuan(e.monthlyAmountFen)}</td>
          <td>{e.source}</td>
        </tr>
      ))}
    </DataTable>
  );
}
