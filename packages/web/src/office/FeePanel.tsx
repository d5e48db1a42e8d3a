import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '@motcua/core/api';
import { adjustFee } from '../api/dossiers.ts';
import { toApiError } from '../api/client.ts';
import { FeeSummary } from '../dossier/FeeSummary.tsx';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, TextField } from '../ui/index.ts';

const ADJUSTERS = ['receptionist', 'outreach', 'commune_admin'];
const CLOSED = ['returned', 'withdrawn', 'cancelled', 'refused_intake'];

/** The dossier's fee and, for those who take fees at the unit, the adjustment with a reason. */
export function FeePanel({ dossier, roles, onDone }: { dossier: Dossier; roles: readonly string[]; onDone: (next: Dossier) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [amount, setAmount] = useState(dossier.feeVnd === null ? '' : String(dossier.feeVnd));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canAdjust = roles.some((r) => ADJUSTERS.includes(r)) && !CLOSED.includes(dossier.state);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await adjustFee(dossier.code, { feeVnd: Number(amount), reason, version: dossier.version }));
      setReason('');
    } catch (err) {
      setError(toApiError(err).messageFor(lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fee-panel" aria-label={t('fee.title')}>
      <FeeSummary amountVnd={dossier.feeVnd} fee={dossier.fee} feeDueAt={dossier.feeDueAt} adjustments={dossier.feeAdjustments} />
      {canAdjust && (
        <details className="action-form no-print">
          <summary>{t('fee.adjustTitle')}</summary>
          <form onSubmit={submit}>
            <TextField label={t('fee.adjustAmount')} type="number" min={0} step={1} required value={amount} onChange={(e) => setAmount(e.target.value)} />
            <TextField label={t('fee.adjustReason')} required minLength={5} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            {error && (
              <Alert tone="error">
                <p>{error}</p>
              </Alert>
            )}
            <Button type="submit" disabled={busy}>
              {t('fee.adjustSubmit')}
            </Button>
          </form>
        </details>
      )}
    </section>
  );
}
