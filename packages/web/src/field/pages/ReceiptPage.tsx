import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../format/format.ts';
import { procedureName } from '../../format/procedureView.ts';
import { Alert, Button, ButtonLink, useDocumentTitle } from '../../ui/index.ts';
import { isOverdue } from '@motcua/core/dossier';
import { fieldNow } from '../clock.ts';
import { db, saveOps } from '../db.ts';
import { procedureOf } from '../kit.ts';
import { fieldPaths, useField, useLive, useOutbox } from '../state.ts';
import { completeOp } from '../sync/compose.ts';
import { useOpBody, type ReceiveBody } from './opBody.ts';
import { StateBadge } from './StateBadge.tsx';

/** The receipt to show or print: code and appointment; same-day procedures can be finished here. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit, sealer } = useField();
  const { id = '' } = useParams();
  useDocumentTitle(t('field:receipt.title'));
  const item = useLive(() => db.outbox.get(id), [id]);
  const items = useOutbox(kit.session.id) ?? [];
  const body = useOpBody<ReceiveBody>(sealer, item);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (item?.kind !== 'receive_dossier') return item === undefined ? null : <Alert tone="warning">{t('field:dossiers.empty')}</Alert>;
  const procedure = procedureOf(kit, item.summary.procedureCode);
  const completion = items.find((i) => i.kind === 'complete_on_spot' && i.dependsOn === item.id);
  // The server's late rule (core isOverdue), on the server's time: past the appointment, finishing
  // on the spot needs an apology at the office first, and the server would refuse it.
  const overdue = isOverdue({ state: 'received', dueAt: item.summary.dueAt ?? null }, fieldNow());
  const canComplete = procedure?.sameDay === true && !completion && !overdue && !['rejected', 'conflict'].includes(item.state);

  const complete = async () => {
    setBusy(true);
    try {
      await saveOps([await completeOp(sealer, item, fieldNow(), t('field:receipt.completedNote'))]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="field-receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title">{t('field:receipt.title')}</h1>
        <p>{kit.session.unitName}</p>
        <p className="field-receipt__code" data-testid="receipt-code">
          {item.summary.dossierCode}
        </p>
        <dl>
          <dt>{t('field:receipt.procedure')}</dt>
          <dd>{procedure ? procedureName(procedure, lang) : item.summary.procedureCode}</dd>
          <dt>{t('field:receipt.applicant')}</dt>
          <dd>{body ? body.dossier.applicant.fullName : t(item.dismissed ? 'field:dossiers.dropped' : 'field:dossiers.removedAfterSync')}</dd>
          <dt>{t('field:receipt.receivedAt')}</dt>
          <dd>{formatDateTime(item.summary.receivedAt, lang)}</dd>
          <dt>{t('field:receipt.appointment')}</dt>
          <dd data-testid="receipt-due">{completion ? t('field:receipt.completedNote') : formatDateTime(item.summary.dueAt, lang)}</dd>
          <dt>{t('field:receipt.files')}</dt>
          <dd>{item.summary.fileCount ?? 0}</dd>
        </dl>
        <p>{t('field:receipt.lookup', { url: `${window.location.origin}/tra-cuu` })}</p>
      </section>
      <p className="no-print">
        {t('field:receipt.syncState')} <StateBadge item={item} />
      </p>
      {item.error && <Alert tone={item.state === 'queued' ? 'warning' : 'error'}>{lang === 'en' ? item.error.messageEn : item.error.messageVi}</Alert>}
      {procedure?.sameDay === true && !completion && overdue && (
        <Alert tone="warning" live={false}>
          {t('field:receipt.tooLateForSpot', { time: formatDateTime(item.summary.dueAt, lang) })}
        </Alert>
      )}
      {/* Settling and handing over cannot be undone: one tap asks, the second one does it. */}
      {canComplete && confirming && (
        <Alert tone="warning" live={false} title={t('field:dossiers.confirmOnSpotTitle')}>
          <p>{t('field:dossiers.confirmOnSpotText')}</p>
          <div className="field-actions">
            <Button
              onClick={() => {
                setConfirming(false);
                void complete();
              }}
              disabled={busy}
            >
              {t('field:dossiers.confirmOnSpot')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('field:dossiers.cancelOnSpot')}
            </Button>
          </div>
        </Alert>
      )}
      <div className="field-actions no-print">
        <Button onClick={() => window.print()}>{t('field:receipt.print')}</Button>
        {canComplete && !confirming && (
          <Button variant="secondary" onClick={() => setConfirming(true)} disabled={busy}>
            {t('field:dossiers.completeOnSpot')}
          </Button>
        )}
        <ButtonLink to={fieldPaths.receive()} variant="secondary">
          {t('field:receipt.next')}
        </ButtonLink>
        <ButtonLink to={fieldPaths.dossiers} variant="quiet">
          {t('field:receipt.back')}
        </ButtonLink>
      </div>
    </>
  );
}
