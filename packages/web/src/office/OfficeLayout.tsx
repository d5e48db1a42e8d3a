import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LoadError } from '../ui/LoadError.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { SignOut } from '../session/SignOut.tsx';
import { Alert, ButtonAnchor, Spinner, buttonClassName, loginHref } from '../ui/index.ts';
import { AppNav } from '../ui/AppNav.tsx';
import { HeaderTools } from '../ui/HeaderTools.tsx';
import { OfficialContext, canSeeDossiers, canSeeInsights, officePaths } from './context.ts';
import '../form/wizard.css';
import './office.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/** Back-office shell: wider page, officials' navigation, who is signed in; guards every office page. */
export default function OfficeLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change to move focus to the new page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const official = session.status === 'signedIn' && session.me.kind === 'official' ? session.me : null;
  let content: React.ReactNode;
  if (session.status === 'loading') content = <Spinner label={t('common.loading')} />;
  else if (session.status === 'error') content = <LoadError error={session.error} onRetry={() => void session.refresh()} />;
  else if (!official) {
    content = (
      <>
        <h1>{t('office:loginTitle')}</h1>
        <Alert tone="info" live={false}>
          <p>{session.status === 'signedIn' ? t('office:notOfficial') : t('office:loginText')}</p>
        </Alert>
        <ButtonAnchor href={loginHref(location.pathname + location.search)}>{t('office:loginAction')}</ButtonAnchor>
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

  return (
    <div className="app office">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header no-print">
        <div className="office__container site-header__bar">
          <Link to={officePaths.dashboard} className="site-name">
            {t('office:siteName')}
          </Link>
          <HeaderTools />
        </div>
        {official && (
          <AppNav
            label={t('office:navLabel')}
            containerClass="office__container"
            links={[
              { to: officePaths.dashboard, label: t('office:navToday'), end: true },
              ...(canSeeDossiers(official) ? [{ to: officePaths.queue, label: t('office:navQueue') }] : []),
              ...(official.roles.some((r) => r === 'receptionist' || r === 'outreach') ? [{ to: officePaths.intake, label: t('office:navIntake') }] : []),
              ...(canSeeInsights(official) ? [{ to: officePaths.insights, label: t('office:navInsights') }] : []),
            ]}
          />
        )}
      </header>
      {official && (
        <div className="office__who no-print">
          <div className="office__container">
            <span>{t('office:signedInAs', { name: official.fullName, roles: official.roles.map((r) => t(`roles.${r}`)).join(', ') })}</span>
            <span className="account">
              <SignOut className={buttonClassName({ variant: 'quiet' })} />
            </span>
          </div>
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="office__container site-main">
        {content}
      </main>
    </div>
  );
}
