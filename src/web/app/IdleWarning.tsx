import { Button, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './session.tsx';

/** Seconds before the idle limit at which the warning opens (WCAG 2.2.1 asks for at least 20). */
export const warnSeconds = 120;

/**
 * Warns before the server's idle timeout ends the session, with a one-click extend (WCAG 2.2.1 Timing Adjustable);
 * when the time runs out the user is signed out and told why.
 */
export function IdleWarning() {
  const { t } = useTranslation();
  const { endsAt, extend, expire, signOut } = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = endsAt === null ? Number.POSITIVE_INFINITY : Math.ceil((endsAt - now) / 1000);
  useEffect(() => {
    if (left <= 0) expire();
  }, [left, expire]);

  const open = left > 0 && left <= warnSeconds;
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  const stay = async () => {
    setBusy(true);
    await extend().finally(() => setBusy(false));
  };
  return (
    <Modal
      open={open}
      title={t('idle.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="stay" type="primary" loading={busy} onClick={() => void stay()} autoFocus>
          {t('idle.stay')}
        </Button>,
        <Button key="out" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </Button>,
      ]}
    >
      <p>{t('idle.body')}</p>
      <p className="countdown">{t('idle.left', { minutes, seconds: String(seconds).padStart(2, '0') })}</p>
    </Modal>
  );
}
