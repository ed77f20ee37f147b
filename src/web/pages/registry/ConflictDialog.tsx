import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../contracts/persons.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { SubmitResult } from './PersonForm.tsx';
import { valuesOf } from './person-form-values.ts';
import { DataTable } from '../../components/DataTable.tsx';

/**
 * 409 VERSION_CONFLICT: someone else saved the record after it was read. Shows the user's changes beside the saved
 * values and lets them choose: overwrite with theirs, or discard and look at the saved record.
 */
export function ConflictDialog(props: {
  mine: Record<string, string | null>;
  current: PersonDetail;
  onKeepMine(): Promise<SubmitResult>;
  onTakeTheirs(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saved = valuesOf(props.current) as Record<string, string>;
  const masked: Record<string, string | null | undefined> = {
    idNumber: props.current.idNumber,
    certificateNumber: props.current.certificateNumber,
    phone: props.current.phone,
    guardianPhone: props.current.guardianPhone,
  };
  const display = (field: string, value: string | null | undefined) => {
    if (!value) return '—';
    if (field === 'category') return t(`category.${value}`);
    if (field === 'level') return t(`level.${value}`);
    if (field === 'hukou') return t(`hukou.${value}`);
    return value;
  };
  const keepMine = async () => {
    setBusy(true);
    const result = await props.onKeepMine();
    setBusy(false);
    if (result?.error) setError(result.error);
  };
  return (
    <Modal
      open
      title={t('conflict.title')}
      onCancel={props.onClose}
      width={720}
      footer={[
        <Button key="close" onClick={props.onClose}>
          {t('conflict.back')}
        </Button>,
        <Button key="theirs" onClick={props.onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </Button>,
        <Button key="mine" type="primary" loading={busy} onClick={() => void keepMine()}>
          {t('conflict.keepMine')}
        </Button>,
      ]}
    >
      <p>{t('conflict.body', { who: '', version: props.current.version })}</p>
      <ErrorAlert error={error} />
      <DataTable caption={t('conflict.caption')} headers={[t('conflict.field'), t('conflict.mine'), t('conflict.theirs')]}>
        {Object.entries(props.mine).map(([field, value]) => (
          <tr key={field}>
            <th scope="row">{t(`person.${field}`)}</th>
            <td>{display(field, value)}</td>
            <td>{display(field, field in masked ? masked[field] : saved[field])}</td>
          </tr>
        ))}
      </DataTable>
    </Modal>
  );
}
