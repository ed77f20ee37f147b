import { createBrowserRouter, Navigate } from 'react-router';
import { RouteError } from '../pages/errors/RouteError.tsx';
import { AppLayout, Loading } from './AppLayout.tsx';
import { PublicLayout } from './PublicLayout.tsx';

// Every page is its own chunk, so that the first load carries only the shell.
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

/** The route table: public pages (sign-in, password change) and the signed-in shell. */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/sign-in', ...page(() => import('../pages/sign-in/SignInPage.tsx').then((m) => ({ Component: m.SignInPage }))) },
          { path: '/password', ...page(() => import('../pages/sign-in/PasswordPage.tsx').then((m) => ({ Component: m.PasswordPage }))) },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/persons" replace /> },
          { path: '/persons', ...page(() => import('../pages/registry/SearchPage.tsx').then((m) => ({ Component: m.SearchPage }))) },
          {
            path: '/persons/new',
            ...page(() => import('../pages/registry/PersonCreatePage.tsx').then((m) => ({ Component: m.PersonCreatePage }))),
          },
          {
            path: '/persons/:id',
            ...page(() => import('../pages/registry/PersonDetailPage.tsx').then((m) => ({ Component: m.PersonDetailPage }))),
          },
          {
            path: '/persons/:id/edit',
            ...page(() => import('../pages/registry/PersonEditPage.tsx').then((m) => ({ Component: m.PersonEditPage }))),
          },
          {
            path: '/persons/:id/survey',
            ...page(() => import('../pages/services/SurveyPage.tsx').then((m) => ({ Component: m.SurveyPage }))),
          },
          {
            path: '/persons/:id/services',
            ...page(() => import('../pages/services/ServicesPage.tsx').then((m) => ({ Component: m.ServicesPage }))),
          },
          {
            path: '/indicators',
            ...page(() => import('../pages/indicators/IndicatorsPage.tsx').then((m) => ({ Component: m.IndicatorsPage }))),
          },
          {
            path: '/indicators/parameters',
            ...page(() =>
              import('../pages/indicator-parameters/IndicatorParametersPage.tsx').then((m) => ({ Component: m.IndicatorParametersPage })),
            ),
          },
          {
            path: '/indicators/:key/gaps',
            ...page(() => import('../pages/indicators/GapsPage.tsx').then((m) => ({ Component: m.GapsPage }))),
          },
          {
            path: '/renewals',
            ...page(() => import('../pages/renewals/RenewalsPage.tsx').then((m) => ({ Component: m.RenewalsPage }))),
          },
          { path: '/audit', ...page(() => import('../pages/audit/AuditPage.tsx').then((m) => ({ Component: m.AuditPage }))) },
          { path: '/imports', ...page(() => import('../pages/imports/ImportPage.tsx').then((m) => ({ Component: m.ImportPage }))) },
          {
            path: '/imports/departments',
            ...page(() => import('../pages/departments/DepartmentsPage.tsx').then((m) => ({ Component: m.DepartmentsPage }))),
          },
          {
            path: '/benefits/applications',
            ...page(() => import('../pages/benefits/ApplicationsPage.tsx').then((m) => ({ Component: m.ApplicationsPage }))),
          },
          {
            path: '/benefits/applications/:id',
            ...page(() => import('../pages/benefits/ApplicationDetailPage.tsx').then((m) => ({ Component: m.ApplicationDetailPage }))),
          },
          {
            path: '/benefits/gaps',
            ...page(() => import('../pages/benefits/BenefitGapsPage.tsx').then((m) => ({ Component: m.BenefitGapsPage }))),
          },
          {
            path: '/benefits/tasks',
            ...page(() => import('../pages/benefits/TasksPage.tsx').then((m) => ({ Component: m.TasksPage }))),
          },
          {
            path: '/policy/parameters',
            ...page(() => import('../pages/benefits/ParametersPage.tsx').then((m) => ({ Component: m.ParametersPage }))),
          },
          {
            path: '/benefits/rolls',
            ...page(() => import('../pages/benefits/RollsPage.tsx').then((m) => ({ Component: m.RollsPage }))),
          },
          {
            path: '/benefits/rolls/:id',
            ...page(() => import('../pages/benefits/RollDetailPage.tsx').then((m) => ({ Component: m.RollDetailPage }))),
          },
          {
            path: '/benefits/simulate',
            ...page(() => import('../pages/benefits/SimulatePage.tsx').then((m) => ({ Component: m.SimulatePage }))),
          },
          { path: '*', ...page(() => import('../pages/errors/NotFoundPage.tsx').then((m) => ({ Component: m.NotFoundPage }))) },
        ],
      },
    ],
  },
]);
