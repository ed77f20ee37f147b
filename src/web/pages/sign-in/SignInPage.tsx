import { Alert, Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorSummary, focusField } from '../../components/ErrorSummary.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TextField } from '../../components/TextField.tsx';

/** Sign-in: username and password (paste and password managers allowed, WCAG 3.3.8). */
export function SignInPage() {
  const { t } = useTranslation();
  const { user, reason, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/persons';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ id: string; label: string; message: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to={user.mustChangePassword ? '/password' : from} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = [
      !username.trim() && { id: 'username', label: t('signIn.username'), message: t('form.required') },
      !password && { id: 'password', label: t('signIn.password'), message: t('form.required') },
    ].filter((p) => p !== false);
    setMissing(problems);
    setError(null);
    if (problems[0]) return focusField(problems[0].id);
    setBusy(true);
    try {
      const signedIn = await signIn(username.trim(), password);
      navigate(signedIn.mustChangePassword ? '/password' : from, { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
      focusField('password');
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (id: string) => missing.find((p) => p.id === id)?.message;
  return (
    <section className="card-page">
      <PageTitle>{t('signIn.title')}</PageTitle>
      {reason === 'expired' && <Alert type="warning" showIcon title={t('signIn.expired')} />}
      {reason === 'signedOut' && <Alert type="info" showIcon title={t('signIn.signedOut')} />}
      <ErrorSummary items={missing} />
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="username"
          label={t('signIn.username')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          required
          error={errorOf('username')}
        />
        <TextField
          id="password"
          label={t('signIn.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          error={errorOf('password')}
        />
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('signIn.submit')}
        </Button>
      </form>
    </section>
  );
}
