import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListComparison } from './department-api.ts';

/** 确认提交: says what the commit will write before it does (all or nothing, audited). */
export function CommitDialog({
  comparison,
  busy,
  onConfirm,
  onCancel,
}: {
  comparison: ListComparison;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const c = comparison.counts;
  const what =
    comparison.kind === 'deaths'
      ? t('departments.confirmDeaths', { count: c.toMark ?? 0 })
      : t('departments.confirmEnrolments', { created: c.new ?? 0, ended: c.ended ?? 0, changed: c.changed ?? 0 });
  return (
    <Modal
      open
      title={t('departments.confirmTitle')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('departments.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={onConfirm}>
          {t('departments.confirm')}
        </Button>,
      ]}
    >
      <p>{what}</p>
      {(c.disagreements ?? 0) > 0 && <p>{t('departments.confirmDisagreements', { count: c.disagreements })}</p>}
      <p>{t('departments.confirmAudit')}</p>
    </Modal>
  );
}
