import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';

/** 页面不存在 (also shown for a person outside the user's scope: the API answers 404 for both). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="error-page">
      <PageTitle>{t('errorPage.notFoundTitle')}</PageTitle>
      <p>{t('errorPage.notFoundBody')}</p>
      <p>
        <Link to="/persons">{t('errorPage.home')}</Link>
      </p>
    </section>
  );
}
