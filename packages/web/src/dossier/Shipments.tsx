import { useTranslation } from 'react-i18next';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { dossierShipments } from '../api/results.ts';
import { formatDateTime } from '../format/format.ts';
import { formatVnd } from '../format/money.ts';

export interface ShipmentsProps {
  code: string;
  /** Changes when the dossier changes, so a shipment booked just now is fetched. */
  version: number;
}

/** The result's postal shipments: status, tracking number, the fee to pay on receipt. Nothing when none. */
export function Shipments({ code, version }: ShipmentsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shipments = useResource(`shipments:${code}:${version}`, (signal) => dossierShipments(code, signal));
  const items = shipments.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`ship-${code}`} className="shipments">
      <h3 id={`ship-${code}`}>{t('shipment.title')}</h3>
      {items.map((s) => {
        const last = s.events[s.events.length - 1];
        return (
          <ul key={s.id} className="shipment">
            <li>
              {t('shipment.status', { status: lang === 'en' ? s.statusLabel.en : s.statusLabel.vi })}
              {last && <span className="muted"> ({formatDateTime(last.at, lang)})</span>}
            </li>
            <li>
              {t('shipment.trackingNumber')}: <strong>{s.trackingNumber}</strong>
            </li>
            <li>
              {t('shipment.address')}: <span lang="vi">{s.address}</span>
            </li>
            <li>{t('shipment.codFee', { amount: formatVnd(s.codFeeVnd, lang) })}</li>
          </ul>
        );
      })}
    </section>
  );
}
