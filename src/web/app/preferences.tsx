import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api.ts';
import { type Language, setLanguage } from '../i18n/i18n.ts';
import { useSession } from './session.tsx';

/** The per-user display preferences, stored on the server (GET/PUT /api/v1/me/preferences). */
export type Preferences = { careMode: boolean; language: Language };

type PreferencesState = Preferences & { update(change: Partial<Preferences>): void };

const PreferencesContext = createContext<PreferencesState | null>(null);

/** Care mode (关怀模式) and language. */
export function usePreferences(): PreferencesState {
  const p = useContext(PreferencesContext);
  if (!p) throw new Error('usePreferences outside PreferencesProvider');
  return p;
}

const endpoint = '/api/v1/me/preferences';

/**
 * Keeps the preferences in React state (never in browser storage), loads them when a user signs in and saves each
 * change. Until the server has the endpoint, a failed load or save leaves the state as it is.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [prefs, setPrefs] = useState<Preferences>({ careMode: false, language: 'zh-CN' });
  const userId = user?.id;
  const mustChange = user?.mustChangePassword;

  useEffect(() => {
    if (userId === undefined || mustChange) return;
    api<Partial<Preferences>>(endpoint, { quiet: true }).then(
      (p) =>
        setPrefs((old) => ({
          careMode: p.careMode ?? old.careMode,
          language: p.language === 'en' ? 'en' : p.language === 'zh-CN' ? 'zh-CN' : old.language,
        })),
      () => undefined,
    );
  }, [userId, mustChange]);

  const current = useRef(prefs);
  current.current = prefs;

  useEffect(() => {
    setLanguage(prefs.language);
    document.documentElement.classList.toggle('care-mode', prefs.careMode);
  }, [prefs]);

  const update = useCallback(
    (change: Partial<Preferences>) => {
      const next = { ...current.current, ...change };
      current.current = next;
      setPrefs(next);
      if (userId !== undefined) api(endpoint, { method: 'PUT', json: next, quiet: true }).catch(() => undefined);
    },
    [userId],
  );

  const value = useMemo(() => ({ ...prefs, update }), [prefs, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}
