import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLanguage } from '../i18n/index.ts';
import { toApiError } from '../api/client.ts';
import { useSession } from './SessionProvider.tsx';

/**
 * "Đăng xuất": ends the server session, then goes home. If the server did not confirm, says so
 * and stays signed in, so nobody walks away from a shared desk believing they logged out.
 */
export function SignOut({ className }: { className: string }) {
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

/** Who is signed in and the way out, in the site header; nothing while unknown or anonymous. */
export function AccountBar() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  return (
    <div className="account">
      <p className="account__name">
        <span className="visually-hidden">{t('session.signedInAs')} </span>
        {session.me.fullName}
      </p>
      <SignOut className="tool-btn" />
    </div>
  );
}
