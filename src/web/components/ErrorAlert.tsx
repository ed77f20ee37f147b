import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

/** The user-facing message of any error: translated by the API's code, else a generic one. */
export function useErrorMessage(): (e: unknown) => string {
  const { t, i18n } = useTranslation();
  return (e) => {
    if (e instanceof ApiError) {
      const key = `errors.${e.code}`;
      return i18n.exists(key) ? t(key) : e.message || t('errors.INTERNAL');
    }
    return t('errors.INTERNAL');
  };
}

/** An error shown in place: announced (role=alert) and translated by code. */
export function ErrorAlert({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={message(error)} />;
}
