/** The signed-in session: loaded once from GET /auth/session, refreshed after membership changes. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from './api';
import type { Session } from './types';
import { Session as SessionContract } from '@tessera/shared';
import { apiCall } from './query';

/** Where the session stands. */
export type SessionState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; error: unknown } | { status: 'signed-in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** Replace the session with one the API just returned (sign-in, sign-up). */
  setSession: (session: Session) => void;
  /** Reload the session (memberships, account) from the server. */
  refresh: () => Promise<void>;
  /** Sign out and forget the session. */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Provides the session to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const apply = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setState(session ? { status: 'signed-in', session } : { status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const session = await apiCall('GET', '/auth/session', SessionContract, { allowAnonymous: true });
      apply(session);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) apply(null);
      else setState({ status: 'error', error: err });
    }
  }, [apply]);

  const signOut = useCallback(async () => {
    try {
      await api('POST', '/auth/signout', { allowAnonymous: true });
    } finally {
      apply(null);
    }
  }, [apply]);

  useEffect(() => {
    setUnauthenticatedHandler(() => apply(null));
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [apply, refresh]);

  const value = useMemo<SessionContextValue>(() => ({ state, setSession: apply, refresh, signOut }), [state, apply, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context. */
export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** The signed-in session; only for components rendered behind <RequireAuth>. */
export function useSignedInSession(): Session {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInSession used without a session');
  return state.session;
}
