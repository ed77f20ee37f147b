import { Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { IdleWarning } from './IdleWarning.tsx';
import { NavBar } from './NavBar.tsx';
import { useSession } from './session.tsx';
import { TopBar } from './TopBar.tsx';

/** Shown while the session or a page's code loads. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spin />
      <span>{t('shell.loading')}</span>
    </div>
  );
}

/** The signed-in frame: header, navigation by role, main content, idle warning. Guards every page behind sign-in. */
export function AppLayout() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  return (
    <div className="shell">
      <TopBar />
      <NavBar />
      <main id="main" tabIndex={-1} className="main">
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </main>
      <IdleWarning />
    </div>
  );
}
