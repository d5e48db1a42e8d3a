import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../portal/format.ts';
import { Alert, Button, ButtonAnchor, ProgressBar, loginHref, useDocumentTitle } from '../../ui/index.ts';
import { clearSession } from '../db.ts';
import { discard, resendAgainstServer } from '../resolve.ts';
import { fieldPaths, useField, useOnline, useOutbox } from '../state.ts';
import type { SyncOutcome } from '../sync/engine.ts';
import type { OutboxItem } from '../sync/types.ts';
import { lastOutcome, onSyncBusy, runSync, syncBusy } from '../syncRunner.ts';
import { StateBadge } from './StateBadge.tsx';

const isDone = (i: OutboxItem) => i.state !== 'queued' && i.state !== 'sending';

/** Sending everything back: progress, each item's state and reason, conflicts to decide on. */
export function SyncPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit, sealer } = useField();
  const online = useOnline();
  const navigate = useNavigate();
  useDocumentTitle(t('field.sync.title'));
  const items = (useOutbox(kit.session.id) ?? []).filter((i) => !i.dismissed);
  const [busy, setBusy] = useState(syncBusy());
  const [outcome, setOutcome] = useState<SyncOutcome | null>(lastOutcome());
  useEffect(
    () =>
      onSyncBusy((now) => {
        setBusy(now);
        if (!now) setOutcome(lastOutcome());
      }),
    [],
  );
  const done = items.filter(isDone).length;
  const open = items.filter((i) => i.state === 'rejected' || i.state === 'conflict' || (i.state === 'duplicate' && i.original?.status !== 'applied'));
  const everythingSynced = items.length > 0 && items.every((i) => i.state === 'applied' || (i.state === 'duplicate' && i.original?.status === 'applied'));

  const sync = async () => {
    setBusy(true);
    await runSync(kit, sealer, true);
  };
  const clear = async () => {
    await clearSession(kit.session.id);
    navigate(fieldPaths.setup);
    window.location.reload();
  };

  return (
    <>
      <h1>{t('field.sync.title')}</h1>
      <ProgressBar label={t('field.sync.progress', { done, total: items.length })} value={items.length ? done / items.length : 1} />
      <div className="field-actions">
        <Button onClick={() => void sync()} disabled={busy || !online}>{busy ? t('field.sync.running') : t('field.sync.now')}</Button>
      </div>
      {!online && <Alert tone="warning">{t('field.sync.offline')}</Alert>}
      {outcome?.offline && online && <Alert tone="warning">{t('field.sync.lost')}</Alert>}
      {outcome?.auth && (
        <Alert tone="error" actions={<ButtonAnchor href={loginHref(fieldPaths.sync)}>{t('field.sync.relogin')}</ButtonAnchor>}>
          {t('field.sync.authFailed', { reason: lang === 'en' ? outcome.auth.messageEn : outcome.auth.messageVi })}
        </Alert>
      )}
      {outcome && !outcome.offline && !outcome.auth && (
        <Alert tone={open.length ? 'warning' : 'success'}>
          {t('field.sync.result', { applied: outcome.applied, duplicate: outcome.duplicate, rejected: outcome.rejected, conflict: outcome.conflict, retry: outcome.retry })}
        </Alert>
      )}
      {everythingSynced && !busy && <Alert tone="success" live={false}>{t('field.sync.allDone')}</Alert>}
      <h2>{t('field.sync.items')}</h2>
      <ul className="field-list">
        {items.map((item) => (
          <li key={item.id} data-testid="sync-item" data-state={item.state}>
            <div className="field-row">
              <span>{describe(item, t)}</span>
              <StateBadge item={item} />
            </div>
            {item.state === 'queued' && item.attempts > 0 && (
              <p>{t('field.sync.retryAt', { time: formatDateTime(new Date(item.nextAttemptAt).toISOString(), lang) })}{item.error ? ` — ${lang === 'en' ? item.error.messageEn : item.error.messageVi}` : ''}</p>
            )}
            {(item.state === 'rejected' || item.state === 'conflict' || (item.state === 'duplicate' && item.original?.status !== 'applied')) && item.error && (
              <p>{t('field.sync.reason', { reason: lang === 'en' ? item.error.messageEn : item.error.messageVi })}</p>
            )}
            {item.server && (
              <p>{t('field.sync.serverVersion', { state: t(`state.${String(item.server.state)}` as 'state.received', { defaultValue: String(item.server.state) }), version: String(item.server.version) })}</p>
            )}
            {item.state === 'conflict' && item.sealed && (
              <div className="field-actions">
                <Button variant="secondary" onClick={() => void resendAgainstServer(sealer, item)}>{t('field.sync.resend')}</Button>
                <Button variant="quiet" onClick={() => void discard(item.id)}>{t('field.sync.discard')}</Button>
              </div>
            )}
            {item.state === 'rejected' && (
              <Button variant="quiet" onClick={() => void discard(item.id)}>{t('field.sync.discard')}</Button>
            )}
          </li>
        ))}
      </ul>
      {everythingSynced && (
        <div className="field-actions">
          <Button variant="secondary" onClick={() => void clear()}>{t('field.sync.clear')}</Button>
        </div>
      )}
    </>
  );
}

function describe(item: OutboxItem, t: ReturnType<typeof useTranslation>['t']): string {
  const s = item.summary;
  switch (item.kind) {
    case 'receive_dossier':
      return t('field.sync.kind.receive_dossier', { code: s.dossierCode });
    case 'complete_on_spot':
      return t('field.sync.kind.complete_on_spot', { code: s.dossierCode });
    case 'record_consultation':
      return t('field.sync.kind.record_consultation', { people: s.people, topic: s.topic });
    case 'record_survey':
      return t('field.sync.kind.record_survey');
    default:
      return t('field.sync.kind.update_dossier', { code: s.dossierCode });
  }
}
