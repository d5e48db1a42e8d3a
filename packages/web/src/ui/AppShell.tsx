import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AccountBar } from '../session/SignOut.tsx';
import { HeaderTools } from './HeaderTools.tsx';
import { Spinner } from './Spinner.tsx';

export interface AppShellProps {
  /** The app's name in the header bar, a link to the app's home. */
  brand: { to: string; name: string };
  /**
   * The session area: who is signed in and the way out, and with `offerLogin` the way in for
   * visitors. Omitted by the offline field app, which has no server session (and so never asks
   * /api/me). `detail` follows the name (the office shows the official's roles).
   */
  session?: { offerLogin: boolean; detail?: string | undefined };
  /** The app's own navigation (and status lines) under the header bar. */
  nav?: ReactNode;
  /** Width of header and page: `container` (reading width) or a wider one for desk screens. */
  containerClass?: string;
  /** Class on the root element: the app's own styles hang off it. */
  className?: string;
  /** Footer content; the desk and field apps' working screens have none. */
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * The one shell of the portal, the office and the field app: skip link, header (the app's name,
 * language and large-text switches, session area, the app's navigation), the main landmark —
 * focused after every in-app navigation, as a full page load would — and the footer.
 */
export function AppShell({ brand, session, nav, containerClass = 'container', className, footer, children }: AppShellProps) {
  const { t } = useTranslation();
  const location = useLocation();
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
    <div className={className ? `app ${className}` : 'app'}>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header no-print">
        <div className={`${containerClass} site-header__bar`}>
          <Link to={brand.to} className="site-name">
            {brand.name}
          </Link>
          <HeaderTools />
          {session && <AccountBar offerLogin={session.offerLogin} detail={session.detail} />}
        </div>
        {nav}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={`${containerClass} site-main`}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>{children}</Suspense>
      </main>
      {footer && (
        <footer className="site-footer">
          <div className="container">{footer}</div>
        </footer>
      )}
    </div>
  );
}
