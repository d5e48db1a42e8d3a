import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, ButtonLink, Card, Spinner, useDocumentTitle } from '../ui/index.ts';
import { getDossier } from '../api/dossiers.ts';
import { StateBadge } from '../dossier/DossierBits.tsx';
import { Payments } from '../dossier/Payments.tsx';
import { formatDate, formatDateTime } from '../format/format.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { MY_DOSSIERS_PATH, lookupPath } from './wizard/paths.ts';
import './portal.css';
import '../form/wizard.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/** The QR code as inline SVG: sharp when printed, no image request, readable by any phone camera. */
function LookupQr({ code, label }: { code: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const url = new URL(lookupPath(code), window.location.origin).href;
    void import('qrcode').then((qrcode) =>
      qrcode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((markup) => live && setSvg(markup)),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!svg) return null;
  // The markup is produced locally by the qrcode library from our own URL.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG made here from our own URL, no outside input
  return <div className="receipt__qr" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export default function ReceiptPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { code = '' } = useParams();
  const location = useLocation();
  const justSubmitted = (location.state as { justSubmitted?: boolean } | null)?.justSubmitted === true;
  const dossier = useResource(`dossier:${code}`, (signal) => getDossier(code, signal));
  useDocumentTitle(`${t('portal:receipt.title')} ${code}`);

  if (dossier.status === 'loading' || dossier.status === 'idle') return <Spinner label={t('common.loading')} />;
  if (dossier.status === 'error') return <LoadError error={dossier.error} onRetry={dossier.retry} />;
  const d = dossier.data;
  return (
    <>
      {justSubmitted && (
        <Alert tone="success" title={t('portal:receipt.success')}>
          <p>{t('portal:receipt.keepCode')}</p>
        </Alert>
      )}
      <h1>{t('portal:receipt.title')}</h1>
      <Card as="section" tone="highlight" aria-label={t('portal:receipt.code')}>
        <p className="muted">{t('portal:receipt.code')}</p>
        <p className="receipt__code">{d.code}</p>
        <dl className="facts-list">
          <div>
            <dt>{t('portal:receipt.procedure')}</dt>
            <dd lang="vi">{d.procedureName}</dd>
          </div>
          <div>
            <dt>{t('portal:receipt.applicant')}</dt>
            <dd>{d.applicant.fullName}</dd>
          </div>
          <div>
            <dt>{t('portal:receipt.submittedAt')}</dt>
            <dd>{formatDateTime(d.submittedAt, lang)}</dd>
          </div>
          <div>
            <dt>{t('portal:receipt.appointment')}</dt>
            <dd>
              {d.dueAt ? <strong>{formatDate(d.dueAt, lang)}</strong> : t('portal:receipt.noAppointment')}
              {d.dueAt && d.dueAtProvisional && <span className="facts__note">{t('portal:receipt.provisional')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('portal:receipt.state')}</dt>
            <dd>
              <StateBadge state={d.state} />
            </dd>
          </div>
          <div>
            <dt>{t('portal:receipt.delivery')}</dt>
            <dd>{t(`delivery.${d.resultDelivery}`)}</dd>
          </div>
        </dl>
      </Card>
      <Payments code={d.code} version={d.version} as="citizen" />
      <h2>{t('portal:receipt.qrTitle')}</h2>
      <p>{t('portal:receipt.qrText')}</p>
      <LookupQr code={d.code} label={t('portal:receipt.qrTitle')} />
      <div className="wizard__nav no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('portal:receipt.print')}
        </Button>
        <ButtonLink to={MY_DOSSIERS_PATH}>{t('portal:receipt.myDossiers')}</ButtonLink>
      </div>
    </>
  );
}
