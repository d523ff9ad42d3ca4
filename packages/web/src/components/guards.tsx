/** Route guards: screens for signed-in people and screens for guests. */
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { appPath, safeNext } from '../lib/links';
import { useSession } from '../lib/session';
import { ErrorState, LoadingState } from './states';

/** Render child routes only with a session; otherwise go to sign-in and come back afterwards. */
export function RequireAuth() {
  const { state, refresh } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState label="Checking your session…" />;
  if (state.status === 'error')
    return <ErrorState error={state.error} onRetry={() => void refresh()} title="Could not check your session" />;
  if (state.status === 'anonymous') {
    const next = appPath(location.pathname + location.search);
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Render child routes only without a session (sign-in, sign-up); signed-in people go on to `next`. */
export function GuestOnly() {
  const { state } = useSession();
  const [params] = useSearchParams();
  if (state.status === 'loading') return <LoadingState label="Checking your session…" />;
  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
