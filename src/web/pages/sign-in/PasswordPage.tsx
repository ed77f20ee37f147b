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

type PasswordFieldId = 'current' | 'next' | 'repeat';

/** The three password inputs in order; the browser's password manager tells them apart by autocomplete. */
const passwordFields: readonly { id: PasswordFieldId; autoComplete: string }[] = [
  { id: 'current', autoComplete: 'current-password' },
  { id: 'next', autoComplete: 'new-password' },
  { id: 'repeat', autoComplete: 'new-password' },
];

/** The forced (or voluntary) password change: the API refuses everything else until it succeeds. */
export function PasswordPage() {
  const { t } = useTranslation();
  const { user, changePassword, signOut } = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<PasswordFieldId, string>>({ current: '', next: '', repeat: '' });
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user === null) return <Navigate to="/sign-in" replace />;
  const labels = { current: t('password.current'), next: t('password.new'), repeat: t('password.repeat') };
  const { current, next, repeat } = values;

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
        {passwordFields.map((field) => (
          <TextField
            key={field.id}
            id={field.id}
            type="password"
            label={labels[field.id]}
            value={values[field.id]}
            onChange={(value) => setValues((v) => ({ ...v, [field.id]: value }))}
            autoComplete={field.autoComplete}
            required
            hint={field.id === 'next' ? t('password.rules') : undefined}
            error={errorOf(field.id)}
          />
        ))}
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
