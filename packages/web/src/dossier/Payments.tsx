import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client.ts';
import { dossierPayments, refundPayment, startPayment, type Payment } from '../api/payments.ts';
import type { VietQr } from '@motcua/core/api';
import './payments.css';
import { useResource } from '../api/useResource.ts';
import { formatDateTime } from '../format/format.ts';
import { formatVnd } from '../format/money.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Badge, Button, type BadgeTone } from '../ui/index.ts';

export interface PaymentsProps {
  code: string;
  /** Changes when the dossier changes, so the list is fetched again. */
  version: number;
  /** citizen: pays online; desk: records cash and refunds. */
  as: 'citizen' | 'desk';
  /** The dossier is one whose fee the rules return (refused at intake, withdrawn): the desk may refund. */
  refundable?: boolean;
}

const TONE: Record<Payment['status'], BadgeTone> = { pending: 'warning', confirming: 'info', paid: 'success', failed: 'danger', refunded: 'neutral' };

/**
 * "Thanh toán": the dossier's fee, its payments with clear states (chờ thanh toán, đang xác nhận,
 * đã thanh toán, hoàn tiền), the receipt to download, and the one action the caller may take.
 */
export function Payments({ code, version, as, refundable = false }: PaymentsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [round, setRound] = useState(0);
  const list = useResource(`payments:${code}:${version}:${round}`, (signal) => dossierPayments(code, signal));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = list.data;
  const confirming = data?.items.some((p) => p.status === 'confirming') ?? false;
  // While the gateway's IPN is awaited, look again every few seconds (the server never trusts the return page).
  useEffect(() => {
    if (!confirming) return;
    const timer = setInterval(() => setRound((r) => r + 1), 3000);
    return () => clearInterval(timer);
  }, [confirming]);
  if (!data?.feeVnd) return null;
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setRound((r) => r + 1);
    } catch (e) {
      const err = toApiError(e);
      setError(lang === 'en' ? (err.problem?.detailEn ?? err.message) : (err.problem?.detailVi ?? err.message));
    } finally {
      setBusy(false);
    }
  };
  const waiting = !data.paid && !confirming;
  const qrOpen = data.items.some((p) => p.method === 'vietqr' && p.status === 'pending');
  const payQr = (
    <Button variant="secondary" disabled={busy} onClick={() => act(async () => void (await startPayment(code, 'vietqr')))}>
      {as === 'citizen' ? t('payment.payQr') : t('payment.showQr')}
    </Button>
  );
  return (
    <section aria-labelledby={`pay-${code}`} className="payments">
      <h3 id={`pay-${code}`}>{t('payment.title')}</h3>
      <p>
        {t('payment.fee', { amount: formatVnd(data.feeVnd, lang) })}{' '}
        <Badge tone={data.paid ? 'success' : confirming ? 'info' : 'warning'}>
          {data.paid ? t('payment.status.paid') : confirming ? t('payment.status.confirming') : t('payment.status.pending')}
        </Badge>
      </p>
      {confirming && <p className="muted">{t('payment.confirmingHint')}</p>}
      {data.items.length > 0 && (
        <ul className="payment-list">
          {data.items.map((p) => (
            <li key={p.id}>
              <Badge tone={TONE[p.status]}>{t(`payment.status.${p.status}`)}</Badge> {t(`payment.method.${p.method}`)} — {formatVnd(p.amountVnd, lang)}
              <span className="muted"> ({formatDateTime(p.paidAt ?? p.createdAt, lang)})</span>
              {p.duplicate && <strong> {t('payment.duplicate')}</strong>}
              {p.receipt && (
                <>
                  {' '}
                  <a href={p.receipt.downloadUrl} download>
                    {t('payment.receipt', { number: p.receipt.number })}
                  </a>
                  {p.receipt.cancelled && <span> ({t('payment.receiptCancelled')})</span>}
                </>
              )}
              {p.qr && p.status === 'pending' && <TransferQr qr={p.qr} />}
              {as === 'desk' && p.status === 'paid' && (refundable || p.duplicate) && (
                <Button variant="secondary" disabled={busy} onClick={() => act(async () => void (await refundPayment(code, p.id, t('payment.refundReason'))))}>
                  {t('payment.refund')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {waiting && as === 'citizen' && (
        <Button
          disabled={busy}
          onClick={() =>
            act(async () => {
              const p = await startPayment(code, 'vnpay');
              if (p.redirectUrl) window.location.assign(p.redirectUrl);
            })
          }
        >
          {t('payment.payOnline')}
        </Button>
      )}
      {waiting && !qrOpen && payQr}
      {waiting && as === 'desk' && (
        <Button disabled={busy} onClick={() => act(async () => void (await startPayment(code, 'cash')))}>
          {t('payment.takeCash', { amount: formatVnd(data.feeVnd, lang) })}
        </Button>
      )}
    </section>
  );
}

/** The transfer QR with what a person types by hand when they cannot scan: bank, account, amount, message. */
function TransferQr({ qr }: { qr: VietQr }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <figure className="vietqr">
      <figcaption>{t('payment.qrTitle')}</figcaption>
      {qr.demo && <Alert tone="warning">{t('payment.qrDemo')}</Alert>}
      <img src={qr.imageDataUrl} width={220} height={220} alt={t('payment.qrAlt', { amount: formatVnd(qr.amountVnd, lang), account: qr.accountNumber })} />
      <dl>
        <dt>{t('payment.qrBank')}</dt>
        <dd>{qr.bankName}</dd>
        <dt>{t('payment.qrAccount')}</dt>
        <dd>
          <code>{qr.accountNumber}</code>
        </dd>
        <dt>{t('payment.qrAccountName')}</dt>
        <dd>{qr.accountName}</dd>
        <dt>{t('payment.qrAmount')}</dt>
        <dd>{formatVnd(qr.amountVnd, lang)}</dd>
        <dt>{t('payment.qrMessage')}</dt>
        <dd>
          <code data-testid="vietqr-message">{qr.message}</code>
        </dd>
      </dl>
      <p className="muted">{t('payment.qrHint')}</p>
      <Button variant="secondary" className="no-print" onClick={() => window.print()}>
        {t('payment.printQr')}
      </Button>
    </figure>
  );
}
