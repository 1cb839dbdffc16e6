import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppConfig } from './auth/config';
import { endSession, type Session, useSession } from './auth/session';
import { ErrorNotice, Loading } from './components/async';
import { PageHeader } from './components/page';
import { setLocale, t, useLocale } from './i18n/i18n';
import { homeOf, resolveRoute } from './routes';
import type { Loader, ScreenProps } from './screen';
import { navigate, takeNavigatedInApp, useLocation, withQuery } from './router';
import { SignIn } from './screens/sign-in';

const modules = new Map<Loader, FunctionComponent<ScreenProps>>();

/** Loads a screen's chunk once, showing "loading" meanwhile and a way out when it fails. */
const LazyScreen = ({ load, props }: { load: Loader; props: ScreenProps }) => {
  const [loaded, setLoaded] = useState<{ load: Loader; component: FunctionComponent<ScreenProps> } | undefined>(() => {
    const component = modules.get(load);
    return component ? { load, component } : undefined;
  });
  const [failed, setFailed] = useState<unknown>(undefined);
  useEffect(() => {
    const known = modules.get(load);
    if (known) {
      setLoaded({ load, component: known });
      return;
    }
    let live = true;
    setFailed(undefined);
    load().then(
      (m) => {
        modules.set(load, m.default);
        if (live) setLoaded({ load, component: m.default });
      },
      (err: unknown) => live && setFailed(err),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (failed !== undefined) return <ErrorNotice title={t('app.screenFailed')} error={failed} onRetry={() => window.location.reload()} />;
  // A screen is shown only with its own route's parameters, never the previous screen with new ones.
  if (loaded === undefined || loaded.load !== load) return <Loading />;
  const Screen = loaded.component;
  return <Screen {...props} />;
};

const Forbidden = ({ session, reason }: { session: Session; reason: 'role' | 'region' }) => (
  <>
    <PageHeader title={t('forbidden.title')} />
    <p>{reason === 'region' && session.role === 'coordinator' ? t('forbidden.region') : t('forbidden.role')}</p>
    <p>
      <a href={homeOf(session)}>{t('forbidden.home')}</a>
    </p>
  </>
);

const NotFound = ({ session }: { session: Session }) => (
  <>
    <PageHeader title={t('notFound.title')} />
    <p>{t('notFound.text')}</p>
    <p>
      <a href={homeOf(session)}>{t('forbidden.home')}</a>
    </p>
  </>
);

interface NavItem {
  readonly href: string;
  readonly label: string;
  /** Paths under which the item is the current one. */
  readonly current: (path: string) => boolean;
}

const navItems = (session: Session): NavItem[] => {
  const exact = (p: string) => (path: string) => path === p;
  const under = (p: string) => (path: string) => path === p || path.startsWith(`${p}/`);
  if (session.role === 'ministry') {
    return [
      { href: '/kompetenzkreis', label: t('nav.competenceCircle'), current: exact('/kompetenzkreis') },
      { href: '/bilanz/halbzeit', label: t('nav.midterm'), current: exact('/bilanz/halbzeit') },
      { href: '/bilanz/abschluss', label: t('nav.final'), current: exact('/bilanz/abschluss') },
      { href: '/indikatoren', label: t('nav.indicators'), current: under('/indikatoren') },
      { href: '/regionen', label: t('nav.regions'), current: (p) => under('/regionen')(p) && !p.startsWith('/regionen/ministerium') },
      { href: '/foerderung', label: t('nav.funding'), current: exact('/foerderung') },
      { href: '/erkenntnisse', label: t('nav.findings'), current: (p) => under('/erkenntnisse')(p) || p.startsWith('/regionen/ministerium') },
    ];
  }
  if (session.role === 'coordinator') {
    const base = `/regionen/${session.regionId ?? ''}`;
    const forms = ['/melden', '/meilensteine', '/projekte', '/indikatoren', '/erkenntnisse'].map((s) => base + s);
    return [
      { href: base, label: t('nav.overview'), current: exact(base) },
      { href: `${base}/melden`, label: t('nav.report'), current: (p) => forms.some((f) => under(f)(p)) },
      { href: `${base}/import`, label: t('nav.import'), current: exact(`${base}/import`) },
      { href: `${base}/abgelehnt`, label: t('nav.rejections'), current: exact(`${base}/abgelehnt`) },
      { href: '/erkenntnisse', label: t('nav.findings'), current: exact('/erkenntnisse') },
    ];
  }
  return [
    { href: '/erkenntnisse', label: t('nav.findings'), current: exact('/erkenntnisse') },
    { href: '/abonnements', label: t('nav.subscriptions'), current: exact('/abonnements') },
  ];
};

const whoLabel = (session: Session): string => {
  if (session.role === 'ministry')
    return session.name === t('role.ministry') || session.name === '' ? t('role.ministry') : t('who.ministry', { name: session.name });
  if (session.role === 'coordinator') return t('who.coordinator', { name: session.name });
  return t('who.subscriber', { name: session.municipality ?? session.name });
};

const signOut = async (config: AppConfig) => {
  endSession('signed-out');
  if (config.auth === 'cognito') {
    const { signOutEverywhere } = await import('./auth/cognito');
    await signOutEverywhere(config);
  }
};

const LanguageSwitch = () => {
  const locale = useLocale();
  const other = locale === 'de' ? 'en' : 'de';
  return (
    <button type="button" class="button button-header" lang={other} onClick={() => setLocale(other)}>
      {other === 'en' ? 'English' : 'Deutsch'}
    </button>
  );
};

const Shell = ({ session, config, children }: { session: Session; config: AppConfig; children: ComponentChildren }) => {
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.href]);
  const items = navItems(session);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="app-header">
        <div class="app-header-inner">
          <a class="brand" href={homeOf(session)}>
            <span class="brand-mark" aria-hidden="true" />
            <span class="brand-text">
              <span class="brand-title">{t('app.title')}</span>
              <span class="brand-sub">{t('app.subtitle')}</span>
            </span>
          </a>
          <div class="header-tools">
            <span class="who">{whoLabel(session)}</span>
            <LanguageSwitch />
            <button type="button" class="button button-header" onClick={() => void signOut(config)}>
              {t('app.signOut')}
            </button>
          </div>
        </div>
      </header>
      <nav class="app-nav" aria-label={t('nav.label')}>
        <div class="app-nav-inner">
          <button
            type="button"
            class="menu-toggle button button-secondary"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('nav.menu')}
          </button>
          <ul id="main-nav" class={menuOpen ? 'nav-list open' : 'nav-list'}>
            {items.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.current(location.path) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="app-footer">
        <p>
          {t('app.footer')} · <a href="/v1/openapi.json">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </div>
  );
};

/** Moves focus to the new screen's heading after navigating (screen readers then read where they are). */
const useFocusOnNavigation = (href: string) => {
  useEffect(() => {
    if (!takeNavigatedInApp()) return;
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading) {
        heading.focus();
        return;
      }
      if (++tries < 120) frame = requestAnimationFrame(focus);
      else document.getElementById('main')?.focus();
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [href]);
};

const safeTarget = (target: string | null): string | undefined =>
  target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/anmeldung') ? target : undefined;

export const App = ({ config }: { config: AppConfig }) => {
  const session = useSession();
  const location = useLocation();
  useLocale();
  useFocusOnNavigation(location.href);

  const onSignInPage = location.path === '/anmeldung' || location.path === '/anmeldung/callback';
  useEffect(() => {
    if (session === undefined && !onSignInPage) {
      // Remember where the user was: after signing in again, they continue there.
      navigate(withQuery('/anmeldung', { ziel: location.href === '/' ? undefined : location.href }), { replace: true });
    } else if (session !== undefined && (onSignInPage || location.path === '/')) {
      const target = safeTarget(location.query.get('ziel'));
      const usable = target !== undefined && resolveRoute(new URL(target, window.location.origin).pathname, session).kind === 'screen';
      navigate(usable ? target : homeOf(session), { replace: true });
    }
  }, [session, location.href]);

  if (session === undefined) return <SignIn config={config} />;
  if (onSignInPage || location.path === '/') return <Loading />;
  const resolved = resolveRoute(location.path, session);
  return (
    <Shell session={session} config={config}>
      {resolved.kind === 'screen' ? (
        <LazyScreen
          key={`${resolved.route.pattern}|${JSON.stringify(resolved.params)}`}
          load={resolved.route.load}
          props={{ params: resolved.params, query: location.query, session, config }}
        />
      ) : resolved.kind === 'forbidden' ? (
        <Forbidden session={session} reason={resolved.reason} />
      ) : (
        <NotFound session={session} />
      )}
    </Shell>
  );
};

/** When config.json cannot be read, the app says so instead of staying blank. */
export const ConfigFailure = ({ message }: { message: string }) => (
  <main id="main" class="config-failure">
    <h1>{t('app.title')}</h1>
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{t('app.configFailed')}</p>
      <p>{message}</p>
    </div>
  </main>
);
