import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LoadError } from '../ui/LoadError.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { Alert, ButtonAnchor, Spinner, loginHref } from '../ui/index.ts';
import { AppShell } from '../ui/AppShell.tsx';
import { AppNav } from '../ui/AppNav.tsx';
import './discrepancies/i18n.ts'; // the nav's label for the discrepancies page
import './reference/i18n.ts'; // the nav's labels for the system administrator's pages
import './payments/i18n.ts'; // and for the transfers and reconciliation page
import { OfficialContext, canSeeDossiers, canSeeInsights, officePaths } from './context.ts';
import '../form/wizard.css';
import './office.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/** The back office in the shared shell: wider page, officials' navigation, who is signed in and their roles; guards every office page. */
export default function OfficeLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

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
        <Outlet />
      </OfficialContext.Provider>
    );
  }

  return (
    <AppShell
      className="office"
      containerClass="office__container"
      brand={{ to: officePaths.dashboard, name: t('office:siteName') }}
      session={{ offerLogin: false, detail: official?.roles.map((r) => t(`roles.${r}`)).join(', ') }}
      nav={
        official && (
          <AppNav
            label={t('office:navLabel')}
            containerClass="office__container"
            links={[
              { to: officePaths.dashboard, label: t('office:navToday'), end: true },
              ...(canSeeDossiers(official) ? [{ to: officePaths.queue, label: t('office:navQueue') }] : []),
              ...(official.roles.some((r) => r === 'receptionist' || r === 'outreach') ? [{ to: officePaths.intake, label: t('office:navIntake') }] : []),
              ...(canSeeInsights(official) ? [{ to: officePaths.insights, label: t('office:navInsights') }] : []),
              // Civil status against population data: the commune's own officials (server: COMMUNE_ROLES).
              ...(official.roles.some((r) => ['receptionist', 'specialist', 'approver', 'outreach', 'commune_admin'].includes(r))
                ? [{ to: officePaths.discrepancies, label: t('discrepancies:title') }]
                : []),
              // Country-wide reference data: system administrators only (server: SYSTEM_ADMIN_ONLY).
              ...(official.roles.includes('system_admin')
                ? [
                    { to: officePaths.calendar, label: t('reference:navCalendar') },
                    { to: officePaths.agencyCodes, label: t('reference:navAgency') },
                  ]
                : []),
              // Those who take fees settle transfers and reconcile (server: payments/transfer-routes.ts).
              ...(official.roles.some((r) => ['receptionist', 'outreach', 'commune_admin'].includes(r))
                ? [{ to: officePaths.reconciliation, label: t('reconciliation:title') }]
                : []),
            ]}
          />
        )
      }
    >
      {content}
    </AppShell>
  );
}
