import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api.ts';
import { useErrorMessage } from './ErrorAlert.tsx';
import { StatusMessage } from './StatusMessage.tsx';

/** A button that downloads a generated file and announces progress and the outcome through role=status. */
export function DownloadButton({ path, fallbackName, label }: { path: string; fallbackName: string; label: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const run = async () => {
    setBusy(true);
    setStatus(t('export.running'));
    try {
      const name = await downloadFile(path, fallbackName);
      setStatus(t('export.done', { name }));
    } catch (e) {
      setStatus(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void run()} loading={busy}>
        {label}
      </Button>
      <StatusMessage className="inline-status">{status}</StatusMessage>
    </>
  );
}
