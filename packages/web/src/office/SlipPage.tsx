import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { getDossier, unitDetail } from '../api/dossiers.ts';
import { formatDate, formatShortDate } from '../format/format.ts';
import { IssuedDocuments } from '../dossier/IssuedDocuments.tsx';
import { LoadError } from '../ui/LoadError.tsx';
import type { Dossier } from '@motcua/core/api';
import { Alert, Button, Spinner, useDocumentTitle } from '../ui/index.ts';
import { officePaths, useOfficial, type SlipKind } from './context.ts';
import { SLIP_TITLE } from './DossierPage.tsx';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders
import { useDossierProgress } from './useProgress.ts';

// Form numbers of Decree 118/2025/ND-CP's one-stop slips.
const FORM_NUMBER: Record<SlipKind, string> = { 'tiep-nhan': '01', 'bo-sung': '02', 'tu-choi': '03', 'xin-loi': '04' };
// The results module's document kind for each slip: its signed PDF is linked when issued.
const DOCUMENT_KIND: Record<SlipKind, string> = { 'tiep-nhan': 'receipt', 'bo-sung': 'supplement_request', 'tu-choi': 'refusal', 'xin-loi': 'apology' };

function lastEvent(dossier: Dossier, action: string) {
  return [...dossier.history].reverse().find((h) => h.action === action);
}

function SlipBody({ kind, dossier }: { kind: SlipKind; dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const none = (
    <Alert tone="info" live={false}>
      <p>{t('office:slip.notAvailable')}</p>
    </Alert>
  );
  if (kind === 'tiep-nhan') {
    return dossier.dueAt ? (
      <p>
        {t('office:slip.receiptBody', { date: `${formatDate(dossier.dueAt, lang)}${dossier.dueAtProvisional ? ` ${t('office:dossier.provisional')}` : ''}` })}
      </p>
    ) : (
      none
    );
  }
  if (kind === 'bo-sung') {
    const event = lastEvent(dossier, 'request_supplement');
    if (!event) return none;
    return (
      <>
        <p>{t('office:slip.supplementBody')}</p>
        {dossier.missingDocuments.length > 0 && (
          <ol lang="vi">
            {dossier.missingDocuments.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        )}
        {event.note && <p lang="vi">{t('office:slip.reason', { reason: event.note })}</p>}
      </>
    );
  }
  if (kind === 'tu-choi') {
    const event = lastEvent(dossier, 'refuse_intake') ?? lastEvent(dossier, 'refuse');
    if (!event) return none;
    return (
      <>
        <p>{t('office:slip.refusalBody')}</p>
        <p lang="vi">{event.note}</p>
      </>
    );
  }
  const apology = dossier.apologies[dossier.apologies.length - 1];
  if (!apology) return none;
  return <p>{t('office:slip.apologyBody', { reason: apology.reason, date: formatDate(apology.newAppointment, lang) })}</p>;
}

/** A printable one-stop slip (forms 01–04) drawn from the dossier's own record. */
export default function SlipPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const official = useOfficial();
  const { code = '', kind: rawKind = '' } = useParams();
  const kind = (rawKind in FORM_NUMBER ? rawKind : 'tiep-nhan') as SlipKind;
  const dossier = useResource(`office-dossier:${code}`, (signal) => getDossier(code, signal));
  // The signed PDF of the slip is issued in the background: its link appears when it is.
  const progress = useDossierProgress(code);
  const unitCode = dossier.data?.unitCode ?? '';
  const unit = useResource(`unit:${unitCode}`, unitCode ? (signal) => unitDetail(unitCode, signal) : null);
  const title = t(`office:slip.${SLIP_TITLE[kind]}`);
  useDocumentTitle(`${title} ${code}`);
  if (dossier.status === 'error') return <LoadError error={dossier.error} onRetry={dossier.retry} />;
  if (!dossier.data) return <Spinner label={t('common.loading')} />;
  const d = dossier.data;
  return (
    <>
      <p className="no-print">
        <Link to={officePaths.dossier(code)}>← {t('office:slip.back')}</Link> <Button onClick={() => window.print()}>{t('office:slip.print')}</Button>
      </p>
      <IssuedDocuments code={d.code} version={d.version} issued={progress?.documents} kinds={[DOCUMENT_KIND[kind]]} heading={t('office:slip.pdf')} />
      <article className="slip" aria-labelledby="slip-title">
        <div className="slip__heading">
          <div>
            <p>{unit.data?.fullName.toUpperCase() ?? ''}</p>
            <p>
              <strong>{t('office:slip.office')}</strong>
            </p>
            <p>{t('office:slip.formNumber', { n: FORM_NUMBER[kind] })}</p>
          </div>
          <div>
            <p>
              <strong>{t('office:slip.nation')}</strong>
            </p>
            <p>
              <strong>{t('office:slip.motto')}</strong>
            </p>
          </div>
        </div>
        <h1 className="slip__title" id="slip-title">
          {title}
        </h1>
        <p style={{ textAlign: 'center' }}>{t('office:slip.dossierCode', { code: d.code })}</p>
        <p>{t('office:slip.to', { name: d.applicant.fullName })}</p>
        <p lang="vi">{t('office:slip.procedure', { name: d.procedureName })}</p>
        <SlipBody kind={kind} dossier={d} />
        <div className="slip__sign">
          <div />
          <div>
            <p>{t('office:slip.at', { date: formatShortDate(new Date().toISOString(), lang) })}</p>
            <p>
              <strong>{t('office:slip.signature')}</strong>
            </p>
            <p className="muted">{t('office:slip.sign')}</p>
            <p style={{ marginTop: '3rem' }}>{official.fullName}</p>
          </div>
        </div>
      </article>
    </>
  );
}
