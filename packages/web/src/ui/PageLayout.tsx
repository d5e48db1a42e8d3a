import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { AccountBar } from '../session/SignOut.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { HeaderTools } from './HeaderTools.tsx';
import { Spinner } from './Spinner.tsx';

/** Server login URL that brings the citizen back to where they were. */
export function loginHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** App shell: skip link, header (site name, tools, nav), main landmark, footer. */
export function PageLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const official = session.status === 'signedIn' && session.me.kind === 'official';
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After in-app navigation, move focus to the new content as a full page load would;
  // search-parameter changes (typing in the search box) keep focus where it is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change to move focus to the new page
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="site-name">
            {t('site.name')}
          </Link>
          <HeaderTools />
          <AccountBar />
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container site-nav__list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                {t('nav.procedures')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/tra-cuu" className="site-nav__link">
                {t('nav.lookup')}
              </NavLink>
            </li>
            <li>
              {/* Officials have no dossiers of their own; their work is in the back office. */}
              {official ? (
                <NavLink to="/can-bo" className="site-nav__link">
                  {t('nav.backOffice')}
                </NavLink>
              ) : (
                <NavLink to="/ho-so-cua-toi" className="site-nav__link">
                  {t('nav.myDossiers')}
                </NavLink>
              )}
            </li>
            {(session.status === 'anonymous' || session.status === 'error') && (
              <li>
                <a href={loginHref(location.pathname + location.search)} className="site-nav__link">
                  {t('nav.login')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container site-main">
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('site.footerHelp')}</p>
          <p className="site-footer__small">{t('site.footerText')}</p>
          {/* Served by the server (signed audit anchors per commune), so a full page load. */}
          <p className="site-footer__small">
            <a href="/xa">{t('site.footerAudit')}</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
