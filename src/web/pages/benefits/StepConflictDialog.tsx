import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { Application } from './benefit-api.ts';

/**
 * 409 VERSION_CONFLICT on a step, like the registry's ConflictDialog: someone changed the application after it was
 * read. Shows the user's decision beside the state now saved; the user may still send theirs (only while the
 * application waits at the same step), look at the latest record, or go back.
 */
export function StepConflictDialog(props: {
  application: Application;
  mine: string;
  expectedStatus: Application['status'];
  onResend(version: number): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<Application | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Application>(`/api/v1/benefits/applications/${props.application.id}`).then(setLatest, setError);
  }, [props.application.id]);
  const takeTheirs = () => {
    if (latest) queryClient.setQueryData(['benefit-application', latest.id], latest);
    props.onClose();
  };
  const sameStep = latest?.status === props.expectedStatus;
  return (
    <Modal
      open
      title={t('conflict.title')}
      onCancel={props.onClose}
      footer={[
        <Button key="close" onClick={props.onClose}>
          {t('conflict.back')}
        </Button>,
        <Button key="theirs" onClick={takeTheirs} disabled={!latest}>
          {t('conflict.takeTheirs')}
        </Button>,
        ...(sameStep && latest
          ? [
              <Button key="mine" type="primary" onClick={() => props.onResend(latest.version)}>
                {t('benefits.conflict.resend')}
              </Button>,
            ]
          : []),
      ]}
    >
      <ErrorAlert error={error} />
      {!latest && !error && <Spin />}
      {latest && (
        <dl className="facts">
          <div>
            <dt>{t('benefits.conflict.mine')}</dt>
            <dd>{props.mine}</dd>
          </div>
          <div>
            <dt>{t('benefits.conflict.saved')}</dt>
            <dd>{t(`benefits.status.${latest.status}`)}</dd>
          </div>
        </dl>
      )}
      {latest && !sameStep && <p>{t('benefits.conflict.moved')}</p>}
    </Modal>
  );
}
