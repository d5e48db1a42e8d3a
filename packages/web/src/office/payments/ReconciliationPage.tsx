import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTLE_RESOLUTIONS, type SettleResolution } from '@motcua/core/api';
import { toApiError } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { formatVnd } from '../../format/money.ts';
import { useLanguage } from '../../i18n/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { Alert, Badge, Button, Spinner, useDocumentTitle } from '../../ui/index.ts';
import { useOfficial } from '../context.ts';
import { fileBase64, importStatement, openTransfers, reconcile, reconciliationXlsxUrl, settleFinding, settleTransfer, storedFindings } from './api.ts';
import '../i18n/index.ts';
import './i18n.ts';
import './reconciliation.css';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * /can-bo/doi-soat: the unit's bank statement in, the transfers that did not match by themselves
 * settled one by one, and the day reconciled against the gateway, exported to Excel.
 */
export default function ReconciliationPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const official = useOfficial();
  useDocumentTitle(t('reconciliation:title'));
  const unit = official.unitCodes.find((u) => /^\d{5}$/.test(u)) ?? '';
  const [version, setVersion] = useState(0);
  const [day, setDay] = useState(today());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const transfers = useResource(`transfers:${unit}:${version}`, unit ? (signal) => openTransfers(unit, signal) : null);
  const findings = useResource(`findings:${unit}:${day}:${version}`, unit ? (signal) => storedFindings(unit, day, signal) : null);
  const act = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      setVersion((v) => v + 1);
    } catch (e) {
      const err = toApiError(e);
      setError(lang === 'en' ? (err.problem?.detailEn ?? err.message) : (err.problem?.detailVi ?? err.message));
    } finally {
      setBusy(false);
    }
  };

  const onImport = (form: HTMLFormElement) =>
    act(async () => {
      const file = (form.elements.namedItem('statement') as HTMLInputElement).files?.[0];
      if (!file) return null;
      const r = await importStatement(unit, file.name, await fileBase64(file));
      form.reset();
      return t('reconciliation:imported', { lines: r.lines, recorded: r.recorded, known: r.alreadyKnown, matched: r.matched, toSettle: r.toSettle.length });
    });
  const onReconcile = (form: HTMLFormElement) =>
    act(async () => {
      const file = (form.elements.namedItem('gateway') as HTMLInputElement).files?.[0];
      const r = await reconcile(unit, day, file ? await fileBase64(file) : undefined);
      return t('reconciliation:reconciled', { gateway: r.gatewayLines, bank: r.bankLines, payments: r.payments, findings: r.findings.length });
    });

  return (
    <>
      <h1>{t('reconciliation:title')}</h1>
      <p className="muted">{t('reconciliation:intro')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}

      <form
        className="recon-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onImport(e.currentTarget);
        }}
      >
        <label htmlFor="recon-statement">{t('reconciliation:statementFile')}</label>
        <input id="recon-statement" name="statement" type="file" accept=".csv,.xlsx,text/csv" required />
        <Button type="submit" disabled={busy}>
          {t('reconciliation:import')}
        </Button>
      </form>

      <h2>{t('reconciliation:openTransfers')}</h2>
      {transfers.status === 'loading' && <Spinner label={t('common.loading')} />}
      {transfers.status === 'error' && <LoadError error={transfers.error} onRetry={transfers.retry} />}
      {transfers.data && transfers.data.items.length === 0 && <p>{t('reconciliation:noOpen')}</p>}
      {transfers.data && transfers.data.items.length > 0 && (
        <div className="recon-table-wrap">
          <table className="recon-table">
            <thead>
              <tr>
                <th scope="col">{t('reconciliation:bookedOn')}</th>
                <th scope="col">{t('reconciliation:amount')}</th>
                <th scope="col">{t('reconciliation:description')}</th>
                <th scope="col">{t('reconciliation:bankReference')}</th>
                <th scope="col">{t('reconciliation:outcomeLabel')}</th>
                <th scope="col">{t('reconciliation:settle')}</th>
              </tr>
            </thead>
            <tbody>
              {transfers.data.items.map((l) => (
                <tr key={l.id}>
                  <td>{l.bookedOn}</td>
                  <td>{formatVnd(l.amountVnd, lang)}</td>
                  <td>
                    {l.description}
                    {l.dossierCode && <div className="muted">{l.dossierCode}</div>}
                  </td>
                  <td>
                    <code>{l.bankReference}</code>
                  </td>
                  <td>
                    <Badge tone="warning">{t(`reconciliation:outcome.${l.outcome}`)}</Badge>
                  </td>
                  <td>
                    <SettleForm
                      id={`t-${l.id}`}
                      busy={busy}
                      onSettle={(r, note) =>
                        act(async () => {
                          await settleTransfer(l.id, r, note);
                          return null;
                        })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('reconciliation:findings')}</h2>
      <form
        className="recon-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onReconcile(e.currentTarget);
        }}
      >
        <label htmlFor="recon-day">{t('reconciliation:day')}</label>
        <input id="recon-day" type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        <label htmlFor="recon-gateway">{t('reconciliation:gatewayFile')}</label>
        <input id="recon-gateway" name="gateway" type="file" accept=".csv,text/csv" />
        <Button type="submit" disabled={busy}>
          {t('reconciliation:reconcile')}
        </Button>{' '}
        <a href={reconciliationXlsxUrl(unit, day)} download>
          {t('reconciliation:exportExcel')}
        </a>
      </form>
      {findings.status === 'error' && <LoadError error={findings.error} onRetry={findings.retry} />}
      {findings.data && findings.data.items.length === 0 && <p>{t('reconciliation:noFindings')}</p>}
      {findings.data && findings.data.items.length > 0 && (
        <ul className="recon-findings">
          {findings.data.items.map((f) => (
            <li key={f.id} className="card">
              <Badge tone={f.settlement ? 'neutral' : 'danger'}>{t(`reconciliation:kind.${f.kind}`)}</Badge> <code>{f.subject}</code>
              {f.dossierCode && f.dossierCode !== f.subject && <span className="muted"> · {f.dossierCode}</span>}
              <div>
                {t('reconciliation:expected')}: {f.expectedVnd === null ? '—' : formatVnd(f.expectedVnd, lang)} · {t('reconciliation:actual')}:{' '}
                {f.actualVnd === null ? '—' : formatVnd(f.actualVnd, lang)}
              </div>
              <div className="muted">{f.note}</div>
              {f.settlement ? (
                <p>
                  {t('reconciliation:settled', { resolution: t(`reconciliation:resolution.${f.settlement.resolution}`), by: f.settlement.by })}:{' '}
                  {f.settlement.note}
                </p>
              ) : (
                <SettleForm
                  id={`f-${f.id}`}
                  busy={busy}
                  onSettle={(r, note) =>
                    act(async () => {
                      await settleFinding(f.id, r, note);
                      return null;
                    })
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SettleForm({ id, busy, onSettle }: { id: string; busy: boolean; onSettle: (r: SettleResolution, note: string) => void }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState<SettleResolution>('refunded_to_payer');
  const [note, setNote] = useState('');
  return (
    <form
      className="recon-settle"
      onSubmit={(e) => {
        e.preventDefault();
        onSettle(resolution, note);
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-r`}>
        {t('reconciliation:settle')}
      </label>
      <select id={`${id}-r`} value={resolution} onChange={(e) => setResolution(e.target.value as SettleResolution)}>
        {SETTLE_RESOLUTIONS.map((r) => (
          <option key={r} value={r}>
            {t(`reconciliation:resolution.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-n`}>{t('reconciliation:settleNote')}</label>
      <input id={`${id}-n`} value={note} minLength={3} maxLength={500} required onChange={(e) => setNote(e.target.value)} />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t('reconciliation:settle')}
      </Button>
    </form>
  );
}
