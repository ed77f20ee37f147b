import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api.ts';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';

/** 导出: downloads the current search as .xlsx or .csv (POST, so filters stay out of the URL; masked and audited). */
export function ExportButtons({ filters }: { filters: object }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [status, setStatus] = useState('');
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setStatus(t('export.running'));
    try {
      const name = await downloadFile('/api/v1/exports/persons', `export.${format}`, { json: { ...filters, format } });
      setStatus(t('export.done', { name }));
    } catch (e) {
      setStatus(message(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button onClick={() => void run('xlsx')} loading={busy === 'xlsx'}>
        {t('export.xlsx')}
      </Button>
      <Button onClick={() => void run('csv')} loading={busy === 'csv'}>
        {t('export.csv')}
      </Button>
      <StatusMessage className="inline-status">{status}</StatusMessage>
    </>
  );
}
