import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { RouterProvider } from 'react-router';
import { PreferencesProvider, usePreferences } from './preferences.tsx';
import { router } from './routes.tsx';
import { SessionProvider } from './session.tsx';
import { careTheme, normalTheme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

function Themed() {
  const { careMode, language } = usePreferences();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={careMode ? careTheme : normalTheme}
      wave={{ disabled: true }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp component={false}>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

/** The web app: query cache, session, preferences, theme and routes. */
export function App() {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <PreferencesProvider>
            <Themed />
          </PreferencesProvider>
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
