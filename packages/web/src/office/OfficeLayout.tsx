import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { getMe, logout } from '../portal/api/dossiers.ts';
import { LoadError } from '../portal/LoadError.tsx';
import { Alert, Button, ButtonAnchor, Spinner, loginHref } from '../ui/index.ts';
import { HeaderTools } from '../ui/HeaderTools.tsx';
import { OfficialContext, officePaths } from './context.ts';
import '../portal/wizard/wizard.css';
import './office.css';

/** Back-office shell: wider page, officials' navigation, who is signed in; guards every office page. */
export default function OfficeLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useResource('me', (signal) => getMe(signal));
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const official = me.status === 'success' && me.data.kind === 'official' ? me.data : null;
  let content: React.ReactNode;
  if (me.status === 'loading' || me.status === 'idle') content = <Spinner label={t('common.loading')} />;
  else if (me.status === 'error' && me.error.status !== 401) content = <LoadError error={me.error} onRetry={me.retry} />;
  else if (!official) {
    content = (
      <>
        <h1>{t('office.loginTitle')}</h1>
        <Alert tone="info" live={false}>
          <p>{me.status === 'success' ? t('office.notOfficial') : t('office.loginText')}</p>
        </Alert>
        <ButtonAnchor href={loginHref(location.pathname + location.search)}>{t('office.loginAction')}</ButtonAnchor>
      </>
    );
  } else {
    content = (
      <OfficialContext.Provider value={official}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </OfficialContext.Provider>
    );
  }

  const signOut = async () => {
    await logout().catch(() => undefined);
    window.location.assign('/');
  };

  return (
    <div className="app office">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header no-print">
        <div className="office__container site-header__bar">
          <Link to={officePaths.dashboard} className="site-name">
            {t('office.siteName')}
          </Link>
          <HeaderTools />
        </div>
        {official && (
          <nav className="site-nav" aria-label={t('office.navLabel')}>
            <ul className="office__container site-nav__list">
              <li>
                <NavLink to={officePaths.dashboard} end className="site-nav__link">
                  {t('office.navToday')}
                </NavLink>
              </li>
              <li>
                <NavLink to={officePaths.queue} className="site-nav__link">
                  {t('office.navQueue')}
                </NavLink>
              </li>
              {official.roles.some((r) => r === 'receptionist' || r === 'outreach') && (
                <li>
                  <NavLink to={officePaths.intake} className="site-nav__link">
                    {t('office.navIntake')}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
      {official && (
        <div className="office__who no-print">
          <div className="office__container">
            <span>
              {t('office.signedInAs', { name: official.fullName, roles: official.roles.map((r) => t(`office.roles.${r}`)).join(', ') })}
            </span>
            <Button variant="quiet" onClick={() => void signOut()}>
              {t('office.logout')}
            </Button>
          </div>
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="office__container site-main">
        {content}
      </main>
    </div>
  );
}
