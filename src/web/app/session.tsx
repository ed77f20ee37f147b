import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, onApiEvent } from '../api.ts';
import type { SessionReply, SessionUser } from './access-types.ts';

/** Why the user is signed out, for the sign-in page's notice. */
export type SignedOutReason = 'expired' | 'signedOut' | null;

type SessionState = {
  /** undefined while the first GET /api/v1/session is on its way. */
  user: SessionUser | null | undefined;
  /** When the session ends if left idle (ms since epoch), or null without a cookie session. */
  endsAt: number | null;
  reason: SignedOutReason;
  signIn(username: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;
  /** Calls GET /api/v1/session, which counts as activity: the "stay signed in" action. */
  extend(): Promise<void>;
  expire(): void;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

/** The signed-in user and session actions. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a user');
  return user;
}

/** Holds the session: loads it, tracks idle time from API activity, reacts to 401 and forced password change. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [reason, setReason] = useState<SignedOutReason>(null);
  const limits = useRef<{ idleMs: number; absolute: number } | null>(null);

  const accept = useCallback((reply: SessionReply) => {
    setUser(reply.user);
    if (reply.session) {
      // Times are kept on this computer's clock (old PCs' clocks drift): the server's "now" is endsAt − idle.
      const idleMs = reply.session.idleMinutes * 60_000;
      const serverNow = Date.parse(reply.session.endsAt) - idleMs;
      const absolute = Date.now() + Date.parse(reply.session.absoluteExpiresAt) - serverNow;
      limits.current = { idleMs, absolute };
      setEndsAt(Math.min(Date.now() + idleMs, absolute));
    }
  }, []);

  const clear = useCallback(
    (why: SignedOutReason) => {
      setUser(null);
      setEndsAt(null);
      limits.current = null;
      setReason(why);
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => {
    api<SessionReply>('/api/v1/session', { quiet: true }).then(accept, () => setUser(null));
  }, [accept]);

  useEffect(
    () =>
      onApiEvent((event) => {
        if (event === 'activity' && limits.current) {
          const l = limits.current;
          setEndsAt(Math.min(Date.now() + l.idleMs, l.absolute));
        } else if (event === 'unauthenticated') {
          setUser((u) => {
            if (u) clear('expired');
            return null;
          });
        } else if (event === 'passwordChange') {
          setUser((u) => (u ? { ...u, mustChangePassword: true } : u));
        }
      }),
    [clear],
  );

  const value = useMemo<SessionState>(
    () => ({
      user,
      endsAt,
      reason,
      async signIn(username, password) {
        const reply = await api<SessionReply>('/api/v1/session', { json: { username, password }, quiet: true });
        setReason(null);
        accept(reply);
        return reply.user;
      },
      async signOut() {
        await api('/api/v1/session', { method: 'DELETE', quiet: true }).catch(() => undefined);
        clear('signedOut');
      },
      async extend() {
        accept(await api<SessionReply>('/api/v1/session'));
      },
      expire() {
        api('/api/v1/session', { method: 'DELETE', quiet: true }).catch(() => undefined);
        clear('expired');
      },
      async changePassword(currentPassword, newPassword) {
        const reply = await api<SessionReply>('/api/v1/session/password', { json: { currentPassword, newPassword } });
        setUser(reply.user);
      },
    }),
    [user, endsAt, reason, accept, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
