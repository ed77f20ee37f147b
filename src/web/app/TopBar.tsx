import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { api } from '../api.ts';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './preferences.tsx';
import { useSession } from './session.tsx';

/** The header of every page: skip link, product name, the user's org unit and role, care mode, language, sign-out. */
export function TopBar() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const { careMode, language, update } = usePreferences();
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  // The demo county is fictional: every page says so while it is loaded.
  const instance = useQuery({
    queryKey: ['instance'],
    queryFn: () => api<{ demo: boolean }>('/api/instance', { quiet: true }),
    staleTime: Infinity,
  });
  return (
    <header className="top-bar">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <p className="brand">
        {t('shell.appName')}
        {instance.data?.demo && <span className="demo-badge">{t('shell.demoBadge')}</span>}
      </p>
      {user && !user.mustChangePassword && (
        <p className="who" data-testid="who">
          <span>{user.orgName}</span>
          <span aria-hidden="true"> · </span>
          <span>{t(`roles.${user.role}`)}</span>
          <span aria-hidden="true"> · </span>
          <span>{user.displayName ?? user.username}</span>
        </p>
      )}
      <div className="top-actions">
        <Button aria-pressed={careMode} onClick={() => update({ careMode: !careMode })}>
          {careMode ? t('shell.careModeOn') : t('shell.careModeOff')}
        </Button>
        <Button lang={other} onClick={() => update({ language: other })}>
          {t('shell.otherLanguage')}
        </Button>
        {user && <Button onClick={() => void signOut()}>{t('shell.signOut')}</Button>}
      </div>
    </header>
  );
}
