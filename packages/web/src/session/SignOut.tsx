import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLanguage } from '../i18n/index.ts';
import { toApiError } from '../api/client.ts';
import { useSession } from './SessionProvider.tsx';

/**
 * "Đăng xuất": ends the server session, then goes home. If the server did not confirm, says so
 * and stays signed in, so nobody walks away from a shared desk believing they logged out.
 */
function SignOut({ className }: { className: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.signOut();
      void navigate('/');
    } catch (e) {
      setError(`${t('session.logoutFailed')} ${toApiError(e).messageFor(lang)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={className} disabled={busy} onClick={() => void signOut()}>
        {t('session.logout')}
      </button>
      <span role="status" className="session-error">
        {error}
      </span>
    </>
  );
}

/** Server login URL that brings the person back to where they were. */
export function loginHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * The shell's session area: who is signed in (and `detail`, such as an official's roles) with the
 * way out; for visitors, with `offerLogin`, the way in; nothing while the session is unknown.
 */
export function AccountBar({ offerLogin, detail }: { offerLogin: boolean; detail?: string | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signedIn') {
    return (
      <div className="account">
        <p className="account__name">
          <span className="visually-hidden">{t('session.signedInAs')} </span>
          {session.me.fullName}
          {detail && <span className="account__detail"> ({detail})</span>}
        </p>
        <SignOut className="tool-btn" />
      </div>
    );
  }
  if (!offerLogin || session.status === 'loading') return null;
  return (
    <div className="account">
      <a href={loginHref(location.pathname + location.search)} className="tool-btn">
        {t('nav.login')}
      </a>
    </div>
  );
}
