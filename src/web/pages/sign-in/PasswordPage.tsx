import { Alert, Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorSummary, focusField, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';

/** The forced (or voluntary) password change: the API refuses everything else until it succeeds. */
export function PasswordPage() {
  const { t } = useTranslation();
  const { user, changePassword, signOut } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user === null) return <Navigate to="/sign-in" replace />;
  const labels = { current: t('password.current'), next: t('password.new'), repeat: t('password.repeat') };

  const fail = (items: SummaryItem[]) => {
    setProblems(items);
    if (items[0]) focusField(items[0].id);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const items: SummaryItem[] = [];
    if (!current) items.push({ id: 'current', label: labels.current, message: t('form.required') });
    if (!next) items.push({ id: 'next', label: labels.next, message: t('form.required') });
    else if (next !== repeat) items.push({ id: 'repeat', label: labels.repeat, message: t('password.mismatch') });
    if (items.length > 0) return fail(items);
    setBusy(true);
    try {
      await changePassword(current, next);
      navigate('/persons', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PASSWORD_INCORRECT')
        fail([{ id: 'current', label: labels.current, message: t('errors.PASSWORD_INCORRECT') }]);
      else if (err instanceof ApiError && err.code === 'PASSWORD_WEAK')
        fail([{ id: 'next', label: labels.next, message: t('errors.PASSWORD_WEAK') }]);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (id: string) => problems.find((p) => p.id === id)?.message;
  return (
    <section className="card-page">
      <PageTitle>{t('password.title')}</PageTitle>
      {user?.mustChangePassword && <Alert type="warning" showIcon title={t('password.required')} />}
      <ErrorSummary items={problems} />
      <ErrorAlert error={error} />
      <StatusMessage />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="current"
          type="password"
          label={labels.current}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
          error={errorOf('current')}
        />
        <TextField
          id="next"
          type="password"
          label={labels.next}
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          required
          hint={t('password.rules')}
          error={errorOf('next')}
        />
        <TextField
          id="repeat"
          type="password"
          label={labels.repeat}
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          required
          error={errorOf('repeat')}
        />
        <div className="form-actions">
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('password.submit')}
          </Button>
          <Button onClick={() => void signOut()}>{t('shell.signOut')}</Button>
        </div>
      </form>
    </section>
  );
}
