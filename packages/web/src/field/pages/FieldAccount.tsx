import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { toApiError } from '../../api/client.ts';
import { formatDateTime } from '../../format/format.ts';
import { useLanguage } from '../../i18n/index.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { Alert, Button, ButtonAnchor, loginHref } from '../../ui/index.ts';
import { fieldAuth } from '../auth.ts';
import { fieldNow } from '../clock.ts';
import { db } from '../db.ts';
import type { FieldKit } from '../kit.ts';
import { fieldPaths, useOnline, useOutbox } from '../state.ts';
import { isApplied } from '../sync/types.ts';
import { lastOutcome, onSyncBusy } from '../syncRunner.ts';

// The credential's expiry is re-checked this often while the app stays open.
const RECHECK_MS = 30_000;

/**
 * Who the app works as, the way out, and — once the offline credential has expired or was refused
 * and no web session is live — a clear sign with the way back in. Asks /api/me only while online:
 * offline the app runs on the kit's credential alone.
 */
export function FieldAccount({ kit }: { kit: FieldKit }) {
  return useOnline() ? <OnlineAccount kit={kit} /> : <AccountLine kit={kit} sessionName={null} signOut={null} />;
}

function OnlineAccount({ kit }: { kit: FieldKit }) {
  const session = useSession();
  const signedIn = session.status === 'signedIn' && session.me.kind === 'official';
  return <AccountLine kit={kit} sessionName={signedIn ? session.me.fullName : null} signOut={signedIn ? session.signOut : null} />;
}

function AccountLine({ kit, sessionName, signOut }: { kit: FieldKit; sessionName: string | null; signOut: (() => Promise<void>) | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const unsent = (useOutbox(kit.session.id) ?? []).filter((i) => !i.dismissed && !isApplied(i)).length;
  const [refused, setRefused] = useState(() => Boolean(lastOutcome()?.auth));
  const [now, setNow] = useState(() => fieldNow());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => onSyncBusy((busy) => !busy && setRefused(Boolean(lastOutcome()?.auth))), []);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(fieldNow()), RECHECK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const auth = fieldAuth({ credentialExpiresAt: kit.credential.expiresAt, now, refused, sessionName });

  // Log-out ends the web session (when there is one) and closes the session on this phone; its
  // unsent work stays sealed in IndexedDB and is sent after the next sign-in.
  const logOut = async () => {
    setError(null);
    try {
      if (signOut) await signOut();
      await db.meta.delete('activeSession');
      window.location.assign(fieldPaths.setup);
    } catch (e) {
      setError(`${t('session.logoutFailed')} ${toApiError(e).messageFor(lang)}`);
    }
  };

  return (
    <div className="field-account container">
      {auth.kind === 'expired' ? (
        <Alert tone="warning" actions={<ButtonAnchor href={loginHref(location.pathname + location.search)}>{t('field:account.relogin')}</ButtonAnchor>}>
          <p>
            <strong>{t('field:account.expired')}</strong> {t('field:account.keptOnPhone', { count: unsent })}
          </p>
        </Alert>
      ) : (
        <div className="field-row">
          <span>
            {auth.kind === 'session'
              ? t('field:account.signedIn', { name: auth.name })
              : t('field:account.credential', { time: formatDateTime(auth.until, lang) })}
          </span>
          {!confirming && (
            // The header's own button style (as the language switch): readable on its blue.
            <button type="button" className="tool-btn" onClick={() => (unsent > 0 ? setConfirming(true) : void logOut())}>
              {t('session.logout')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <Alert
          tone="warning"
          actions={
            <>
              <Button variant="secondary" onClick={() => void logOut()}>
                {t('session.logout')}
              </Button>
              <Button variant="quiet" onClick={() => setConfirming(false)}>
                {t('field:account.stay')}
              </Button>
            </>
          }
        >
          {t('field:account.logoutUnsent', { count: unsent })}
        </Alert>
      )}
      <span role="status" className="session-error">
        {error}
      </span>
    </div>
  );
}
