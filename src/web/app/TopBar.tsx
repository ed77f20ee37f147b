import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './preferences.tsx';
import { useSession } from './session.tsx';

/** The header of every page: skip link, product name, the user's org unit and role, care mode, language, sign-out. */
export function TopBar() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const { careMode, language, update } = usePreferences();
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <header className="top-bar">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <p className="brand">{t('shell.appName')}</p>
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
