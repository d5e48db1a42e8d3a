import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../format/format.ts';
import { Alert, Button, ButtonAnchor, ProgressBar, loginHref, useDocumentTitle } from '../../ui/index.ts';
import { correctedTime } from '@motcua/core/field';
import { useClockReading } from '../clock.ts';
import { clearSession } from '../db.ts';
import { citizenHoldsReceipt, todoFor } from '../guidance.ts';
import { discard, resendAgainstServer } from '../resolve.ts';
import { fieldPaths, useField, useOnline, useOutbox } from '../state.ts';
import type { SyncOutcome } from '../sync/engine.ts';
import { isApplied, isRefused, type OutboxItem } from '../sync/types.ts';
import { lastOutcome, onSyncBusy, runSync, syncBusy } from '../syncRunner.ts';
import { StateBadge } from './StateBadge.tsx';

/** Worth telling the official about: beyond the measurement's uncertainty, the phone's clock is off. */
const CLOCK_NOTICE_MS = 60_000;

/**
 * Sending everything back: progress, each item's state and reason, what to do about the ones the
 * server did not apply. Only what the server applied counts as sent (progress, "all done").
 */
export function SyncPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit, sealer } = useField();
  const online = useOnline();
  const navigate = useNavigate();
  useDocumentTitle(t('field:sync.title'));
  const all = useOutbox(kit.session.id) ?? [];
  const items = all.filter((i) => !i.dismissed);
  const dismissed = all.length - items.length;
  const reading = useClockReading();
  const [confirming, setConfirming] = useState<string | null>(null);
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
  const done = items.filter(isApplied).length;
  const open = items.filter(isRefused);
  const everythingSynced = items.length > 0 && done === items.length;
  const offsetMinutes = reading && Math.abs(reading.offsetMs) >= CLOCK_NOTICE_MS ? Math.round(Math.abs(reading.offsetMs) / 60_000) : null;

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
      <h1>{t('field:sync.title')}</h1>
      <ProgressBar label={t('field:sync.progress', { done, total: items.length })} value={items.length ? done / items.length : 1} />
      <div className="field-actions">
        <Button onClick={() => void sync()} disabled={busy || !online}>
          {busy ? t('field:sync.running') : t('field:sync.now')}
        </Button>
      </div>
      {!online && <Alert tone="warning">{t('field:sync.offline')}</Alert>}
      {offsetMinutes !== null && (
        <Alert tone="info" live={false}>
          {t(reading!.offsetMs < 0 ? 'field:sync.clockFast' : 'field:sync.clockSlow', { minutes: offsetMinutes })}
        </Alert>
      )}
      {dismissed > 0 && <p>{t('field:sync.dismissed', { count: dismissed })}</p>}
      {outcome?.offline && online && <Alert tone="warning">{t('field:sync.lost')}</Alert>}
      {outcome?.auth && (
        <Alert tone="error" actions={<ButtonAnchor href={loginHref(fieldPaths.sync)}>{t('field:sync.relogin')}</ButtonAnchor>}>
          {t('field:sync.authFailed', { reason: lang === 'en' ? outcome.auth.messageEn : outcome.auth.messageVi })}
        </Alert>
      )}
      {outcome && !outcome.offline && !outcome.auth && outcome.applied + outcome.duplicate + outcome.rejected + outcome.conflict + outcome.retry > 0 && (
        <Alert tone={open.length ? 'warning' : 'success'}>
          {t('field:sync.result', {
            applied: outcome.applied,
            duplicate: outcome.duplicate,
            rejected: outcome.rejected,
            conflict: outcome.conflict,
            retry: outcome.retry,
          })}
        </Alert>
      )}
      {everythingSynced && !busy && (
        <Alert tone="success" live={false}>
          {t('field:sync.allDone')}
        </Alert>
      )}
      <h2>{t('field:sync.items')}</h2>
      <ul className="field-list">
        {items.map((item) => {
          const todo = todoFor(item);
          return (
            <li key={item.id} data-testid="sync-item" data-state={item.state} {...(item.error ? { 'data-code': item.error.code } : {})}>
              <div className="field-row">
                <span>{describe(item, t)}</span>
                <StateBadge item={item} />
              </div>
              {item.state === 'queued' && item.attempts > 0 && (
                // Shown on the server's time, like every other time in the app.
                <p>
                  {t('field:sync.retryAt', { time: formatDateTime(correctedTime(item.nextAttemptAt, reading).toISOString(), lang) })}
                  {item.error ? ` — ${lang === 'en' ? item.error.messageEn : item.error.messageVi}` : ''}
                </p>
              )}
              {isRefused(item) && item.error && <p>{t('field:sync.reason', { reason: lang === 'en' ? item.error.messageEn : item.error.messageVi })}</p>}
              {todo && todo !== 'wait' && (
                <p data-testid="sync-todo">
                  <strong>{t('field:sync.todoLabel')}</strong> {t(`field:sync.todo.${todo}`)}
                </p>
              )}
              {citizenHoldsReceipt(item) && <p>{t('field:sync.citizenHolds', { code: item.summary.dossierCode })}</p>}
              {item.server && (
                <p>
                  {t('field:sync.serverVersion', {
                    state: t(`state.${String(item.server.state)}` as 'state.received', { defaultValue: String(item.server.state) }),
                    version: String(item.server.version),
                  })}
                </p>
              )}
              {item.state === 'conflict' && item.sealed && (
                <div className="field-actions">
                  <Button variant="secondary" onClick={() => void resendAgainstServer(sealer, item)}>
                    {t('field:sync.resend')}
                  </Button>
                  <Button variant="quiet" onClick={() => void discard(item.id)}>
                    {t('field:sync.discard')}
                  </Button>
                </div>
              )}
              {item.state === 'rejected' && confirming !== item.id && (
                // A receipt's citizen holds its code: dropping it takes a second, informed step.
                <Button variant="quiet" onClick={() => (item.kind === 'receive_dossier' ? setConfirming(item.id) : void discard(item.id))}>
                  {t('field:sync.discard')}
                </Button>
              )}
              {item.state === 'rejected' && confirming === item.id && (
                <Alert
                  tone="warning"
                  actions={
                    <>
                      <Button variant="secondary" onClick={() => void discard(item.id).then(() => setConfirming(null))}>
                        {t('field:sync.discardYes')}
                      </Button>
                      <Button variant="quiet" onClick={() => setConfirming(null)}>
                        {t('field:sync.discardNo')}
                      </Button>
                    </>
                  }
                >
                  {t('field:sync.discardConfirm', { code: item.summary.dossierCode })}
                </Alert>
              )}
            </li>
          );
        })}
      </ul>
      {everythingSynced && (
        <div className="field-actions">
          <Button variant="secondary" onClick={() => void clear()}>
            {t('field:sync.clear')}
          </Button>
        </div>
      )}
    </>
  );
}

function describe(item: OutboxItem, t: TFunction): string {
  const s = item.summary;
  switch (item.kind) {
    case 'receive_dossier':
      return t('field:sync.kind.receive_dossier', { code: s.dossierCode });
    case 'complete_on_spot':
      return t('field:sync.kind.complete_on_spot', { code: s.dossierCode });
    case 'record_consultation':
      return t('field:sync.kind.record_consultation', { people: s.people, topic: s.topic });
    case 'record_survey':
      return t('field:sync.kind.record_survey');
    default:
      return t('field:sync.kind.update_dossier', { code: s.dossierCode });
  }
}
