// Start-up (first run? signed in?), the signed-in session, and routing.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, getMe, getSetupStatus, getShop, logout, setUnauthorizedHandler, type Me, type Shop } from './api';
import { Alert } from './components/Alert';
import { AppFrame } from './components/AppFrame';
import { Loading } from './components/Loading';
import { NoAccess } from './components/NoAccess';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SetupPage } from './pages/SetupPage';
import { homePath } from './nav';
import { matchRoute } from './routes';
import { navigate, useLocation } from './router';
import { SessionContext, type Session } from './session';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'setup' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; me: Me; shop: Shop | null };

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/setup')) return '/';
  return next;
}

export function App() {
  const loc = useLocation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback(async (me: Me) => {
    setState({ kind: 'signed-in', me, shop: null });
    try {
      const shop = await getShop();
      setState((s) => (s.kind === 'signed-in' && s.me.id === me.id ? { ...s, shop } : s));
    } catch {
      // The header falls back to "rxtrack" without the shop.
    }
  }, []);

  const boot = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { needed } = await getSetupStatus();
      if (needed) {
        setState({ kind: 'setup' });
        return;
      }
      try {
        await enter(await getMe());
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) setState({ kind: 'signed-out' });
        else throw err;
      }
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message : 'Could not start.' });
    }
  }, [enter]);

  useEffect(() => {
    setUnauthorizedHandler(() => setState({ kind: 'signed-out' }));
    void boot();
    return () => setUnauthorizedHandler(null);
  }, [boot]);

  // Keep the address bar in line with the state.
  useEffect(() => {
    const here = loc.path + (loc.query.toString() ? `?${loc.query}` : '');
    if (state.kind === 'setup' && loc.path !== '/setup') navigate('/setup', { replace: true });
    else if (state.kind === 'signed-out' && loc.path !== '/login') {
      const next = loc.path === '/' || loc.path === '/setup' ? '' : `?next=${encodeURIComponent(here)}`;
      navigate(`/login${next}`, { replace: true });
    } else if (state.kind === 'signed-in' && (loc.path === '/login' || loc.path === '/setup')) {
      navigate(safeNext(loc.query.get('next')), { replace: true });
    } else if (state.kind === 'signed-in' && loc.path === '/') {
      navigate(homePath(state.me.role), { replace: true });
    }
  }, [state.kind, loc.path]);

  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'signed-in') return null;
    return {
      me: state.me,
      shop: state.shop,
      setShop: (shop) => setState((s) => (s.kind === 'signed-in' ? { ...s, shop } : s)),
      signOut: async () => {
        try {
          await logout();
        } catch {
          // Signed out locally either way.
        }
        setState({ kind: 'signed-out' });
        navigate('/login');
      },
    };
  }, [state]);

  const route = matchRoute(loc.path);
  useEffect(() => {
    const title = state.kind === 'setup' ? 'Set up' : state.kind === 'signed-out' ? 'Sign in' : route?.title;
    document.title = title ? `${title} · rxtrack` : 'rxtrack';
  }, [state.kind, route?.title]);

  switch (state.kind) {
    case 'loading':
      return <Loading label="Starting rxtrack…" />;
    case 'error':
      return (
        <main class="auth">
          <div class="auth__card">
            <h1>rxtrack</h1>
            <Alert>{state.message}</Alert>
            <button type="button" class="btn btn--primary" onClick={() => void boot()}>
              Try again
            </button>
          </div>
        </main>
      );
    case 'setup':
      return <SetupPage onDone={enter} />;
    case 'signed-out':
      return <LoginPage onDone={enter} />;
    case 'signed-in': {
      let page;
      if (loc.path === '/login' || loc.path === '/setup' || loc.path === '/') page = <Loading />; // redirecting
      else if (!route) page = <NotFoundPage />;
      else if (route.roles && !route.roles.includes(state.me.role)) page = <NoAccess />;
      else {
        const Page = route.component;
        page = <Page params={route.params} />;
      }
      return (
        <SessionContext.Provider value={session}>
          <AppFrame path={loc.path}>{page}</AppFrame>
        </SessionContext.Provider>
      );
    }
  }
}
