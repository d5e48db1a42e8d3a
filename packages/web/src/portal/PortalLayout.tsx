import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '../session/SessionProvider.tsx';
import { AppNav } from '../ui/AppNav.tsx';
import { AppShell } from '../ui/AppShell.tsx';

/** The citizens' portal in the shared shell: its navigation, the way in and out, and its footer. */
export function PortalLayout() {
  const { t } = useTranslation();
  const session = useSession();
  // Officials have no dossiers of their own; their work is in the back office.
  const official = session.status === 'signedIn' && session.me.kind === 'official';
  return (
    <AppShell
      brand={{ to: '/', name: t('site.name') }}
      session={{ offerLogin: true }}
      nav={
        <AppNav
          label={t('nav.label')}
          containerClass="container"
          links={[
            { to: '/', label: t('nav.procedures'), end: true },
            { to: '/tra-cuu', label: t('nav.lookup') },
            official ? { to: '/can-bo', label: t('nav.backOffice') } : { to: '/ho-so-cua-toi', label: t('nav.myDossiers') },
          ]}
        />
      }
      footer={
        <>
          <p>{t('site.footerHelp')}</p>
          <p className="site-footer__small">{t('site.footerText')}</p>
          {/* Served by the server (signed audit anchors per commune), so a full page load. */}
          <p className="site-footer__small">
            <a href="/xa">{t('site.footerAudit')}</a>
          </p>
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
