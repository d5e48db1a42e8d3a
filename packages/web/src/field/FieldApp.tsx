import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { AppNav } from '../ui/AppNav.tsx';
import { AppShell } from '../ui/AppShell.tsx';
import { Spinner } from '../ui/index.ts';
import { loadClock } from './clock.ts';
import { activeSessionId, deviceSealer, openKit } from './db.ts';
import { registerFieldWorker } from './serviceWorker.ts';
import { FieldContext, fieldPaths, useOnline, useOutbox, type FieldState } from './state.ts';
import { isRefused } from './sync/types.ts';
import { runSync } from './syncRunner.ts';
import { ConsultPage } from './pages/ConsultPage.tsx';
import { DossiersPage } from './pages/DossiersPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ProcedurePage, ProceduresPage } from './pages/ProceduresPage.tsx';
import { ReceiptPage } from './pages/ReceiptPage.tsx';
import { ReceivePage } from './pages/ReceivePage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { SurveyPage } from './pages/SurveyPage.tsx';
import { SyncPage } from './pages/SyncPage.tsx';
import { FieldAccount } from './pages/FieldAccount.tsx';
import '../form/wizard.css';
import './field.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

// How often an open app retries queued ops while online (each op still honours its own backoff).
const AUTO_SYNC_MS = 20_000;

type Loaded = { status: 'loading' } | { status: 'none' } | { status: 'ready'; state: FieldState };

/** /luu-dong/*: the outreach team's offline app. Everything below works with the network off. */
export default function FieldApp() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const load = useCallback(async () => {
    const sealer = await deviceSealer();
    await loadClock();
    const id = await activeSessionId();
    const kit = id ? await openKit(id, sealer) : null;
    setLoaded(kit ? { status: 'ready', state: { kit, sealer } } : { status: 'none' });
  }, []);
  useEffect(() => {
    registerFieldWorker();
    void load();
  }, [load]);

  const ready = loaded.status === 'ready' ? loaded.state : null;
  useEffect(() => {
    if (!ready) return;
    const sync = () => {
      if (navigator.onLine) void runSync(ready.kit, ready.sealer, false);
    };
    window.addEventListener('online', sync);
    const timer = window.setInterval(sync, AUTO_SYNC_MS);
    return () => {
      window.removeEventListener('online', sync);
      window.clearInterval(timer);
    };
  }, [ready]);

  let content: React.ReactNode;
  if (loaded.status === 'loading') content = <Spinner label={t('common.loading')} />;
  else if (!ready) content = <SetupPage onKit={load} />;
  else {
    content = (
      <FieldContext.Provider value={ready}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="chuan-bi" element={<SetupPage onKit={load} />} />
          <Route path="thu-tuc" element={<ProceduresPage />} />
          <Route path="thu-tuc/:code" element={<ProcedurePage />} />
          <Route path="nhan-ho-so" element={<ReceivePage />} />
          <Route path="ho-so" element={<DossiersPage />} />
          <Route path="ho-so/:id" element={<ReceiptPage />} />
          <Route path="tu-van" element={<ConsultPage />} />
          <Route path="khao-sat" element={<SurveyPage />} />
          <Route path="dong-bo" element={<SyncPage />} />
          <Route path="bao-cao" element={<ReportPage />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </FieldContext.Provider>
    );
  }
  return <FieldLayout state={ready}>{content}</FieldLayout>;
}

function FieldLayout({ state, children }: { state: FieldState | null; children: React.ReactNode }) {
  const { t } = useTranslation();
  const links: [string, string][] = [
    [fieldPaths.home, t('field:nav.home')],
    [fieldPaths.procedures, t('field:nav.procedures')],
    [fieldPaths.receive(), t('field:nav.receive')],
    [fieldPaths.dossiers, t('field:nav.dossiers')],
    [fieldPaths.consult, t('field:nav.consult')],
    [fieldPaths.survey, t('field:nav.survey')],
    [fieldPaths.sync, t('field:nav.sync')],
    [fieldPaths.report, t('field:nav.report')],
  ];
  // No shell session area (it would ask /api/me offline): FieldAccount shows the credential or session.
  return (
    <AppShell
      className="field"
      brand={{ to: fieldPaths.home, name: t('field:siteName') }}
      nav={
        state && (
          <>
            <StatusLine sessionId={state.kit.session.id} />
            <FieldAccount kit={state.kit} />
            <AppNav label={t('field:navLabel')} containerClass="container" links={links.map(([to, label]) => ({ to, label, end: to === fieldPaths.home }))} />
          </>
        )
      }
    >
      {children}
    </AppShell>
  );
}

function StatusLine({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const items = useOutbox(sessionId);
  // Waiting = not yet sent; needing attention = sent but not applied. Neither counts as sent.
  const pending = items?.filter((i) => i.state === 'queued' || i.state === 'sending').length ?? 0;
  const refused = items?.filter(isRefused).length ?? 0;
  return (
    <div className={`field-status ${online ? 'field-status--online' : 'field-status--offline'}`} role="status">
      <div className="container">
        <span>{online ? t('field:online') : t('field:offline')}</span>
        {' · '}
        <Link to={fieldPaths.sync}>
          {t('field:pending', { count: pending })}
          {refused > 0 && (
            <>
              {' '}
              · <strong>{t('field:needsAttention', { count: refused })}</strong>
            </>
          )}
        </Link>
      </div>
    </div>
  );
}
