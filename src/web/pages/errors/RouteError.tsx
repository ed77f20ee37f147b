import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The last resort when a page fails to render or its code cannot be loaded (e.g. a new version was deployed while
 * the page was open): a plain page that offers a reload, with no technical details.
 */
export function RouteError() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('errorPage.errorTitle')} - ${t('shell.appName')}`;
  }, [t]);
  return (
    <main id="main" className="main narrow error-page">
      <h1>{t('errorPage.errorTitle')}</h1>
      <p>{t('errorPage.errorBody')}</p>
      <p>
        <button type="button" className="link-button primary" onClick={() => window.location.assign('/persons')}>
          {t('errorPage.reload')}
        </button>
      </p>
    </main>
  );
}
