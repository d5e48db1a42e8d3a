import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, ButtonAnchor, ButtonLink, Card, Spinner, TextArea, loginHref, useDocumentTitle } from '../ui/index.ts';
import { actOnDossier, myDossiers } from '../api/dossiers.ts';
import { StateBadge, Timeline, TimelinessBadge } from '../dossier/DossierBits.tsx';
import { formatDate } from '../format/format.ts';
import { IssuedDocuments } from '../dossier/IssuedDocuments.tsx';
import type { Dossier } from '@motcua/core/api';
import { AccessLog } from './AccessLog.tsx';
import { NoticeChannelPanel } from '../notices/NoticeChannelPanel.tsx';
import { MyDossierRating } from '../voice/MyDossierRating.tsx';
import { myRatings } from '../voice/api.ts';
import { MY_DATA_EXPORT_URL, myAccessLog, type AccessLogEntry } from '../api/privacy.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { Shipments } from '../dossier/Shipments.tsx';
import { Payments } from '../dossier/Payments.tsx';
import type { AttachedFile } from '../form/draft.ts';
import { FileUploader } from '../form/FileUploader.tsx';
import { MY_DOSSIERS_PATH, receiptPath } from './wizard/paths.ts';
import './portal.css';
import '../form/wizard.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/** The citizen's rights over their data: the download of everything held about them. */
function MyData() {
  const { t } = useTranslation();
  return (
    <section className="card my-data" aria-labelledby="my-data-title">
      <h2 id="my-data-title" className="card__title">
        {t('portal:myData.title')}
      </h2>
      <p>{t('portal:myData.intro')}</p>
      <ButtonAnchor href={MY_DATA_EXPORT_URL} download variant="secondary" block>
        {t('portal:myData.download')}
      </ButtonAnchor>
      <p className="muted">{t('portal:myData.downloadHint')}</p>
    </section>
  );
}

/** Upload the missing papers and send them with the submit_supplement action the server offers. */
function SupplementForm({ dossier, onDone }: { dossier: Dossier; onDone: (next: Dossier) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [files, setFiles] = useState<AttachedFile[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = [...dossier.history].reverse().find((h) => h.action === 'request_supplement');
  const send = async () => {
    if (files.length === 0) {
      setError(t('portal:myDossiers.needFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await actOnDossier(dossier.code, {
        action: 'submit_supplement',
        version: dossier.version,
        documents: files.map((f) => f.uploadId),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(next);
    } catch (e) {
      setError(toApiError(e).messageFor(lang));
      setBusy(false);
    }
  };
  return (
    <section className="card card--highlight" aria-labelledby={`sup-${dossier.code}`}>
      <h3 id={`sup-${dossier.code}`}>{t('portal:myDossiers.supplementTitle')}</h3>
      {request?.note && <p lang="vi">{t('portal:myDossiers.supplementReason', { reason: request.note })}</p>}
      {dossier.missingDocuments.length > 0 && (
        <>
          <p>{t('portal:myDossiers.missing')}</p>
          <ul lang="vi">
            {dossier.missingDocuments.map((doc) => (
              <li key={doc}>{doc}</li>
            ))}
          </ul>
        </>
      )}
      <FileUploader label={t('portal:myDossiers.supplementTitle')} files={files} onChange={setFiles} />
      <TextArea label={t('portal:myDossiers.supplementNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
      {error && (
        <Alert tone="error">
          <p>{error}</p>
        </Alert>
      )}
      <Button onClick={() => void send()} disabled={busy}>
        {t('portal:myDossiers.supplementSubmit')}
      </Button>
    </section>
  );
}

function DossierCard({
  dossier: initial,
  accessLog,
  rated = false,
}: {
  dossier: Dossier;
  accessLog: { entries: AccessLogEntry[] | undefined; failed: boolean };
  rated?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [dossier, setDossier] = useState(initial);
  const [sent, setSent] = useState(false);
  const canSupplement = dossier.allowedActions.some((a) => a.action === 'submit_supplement');
  const apology = dossier.apologies[dossier.apologies.length - 1];
  return (
    <Card as="li" aria-labelledby={`d-${dossier.code}`}>
      <h2 className="card__title" id={`d-${dossier.code}`} lang="vi">
        {dossier.procedureName}
      </h2>
      <div className="dossier-card__head">
        <span>
          {t('portal:receipt.code')}: <strong>{dossier.code}</strong>
        </span>
        <StateBadge state={dossier.state} />
        {dossier.dueAt && dossier.state !== 'submitted' && <TimelinessBadge timeliness={dossier.timeliness} />}
      </div>
      {dossier.dueAt && <p>{t('portal:myDossiers.appointment', { date: formatDate(dossier.dueAt, lang) })}</p>}
      {apology && (
        <Alert tone="warning" live={false}>
          <p>{t('portal:myDossiers.apology', { date: formatDate(apology.newAppointment, lang) })}</p>
          <p lang="vi">{apology.reason}</p>
        </Alert>
      )}
      {sent && (
        <Alert tone="success">
          <p>{t('portal:myDossiers.supplementSent')}</p>
        </Alert>
      )}
      {canSupplement && (
        <SupplementForm
          dossier={dossier}
          onDone={(next) => {
            setDossier(next);
            setSent(true);
          }}
        />
      )}
      <Payments code={dossier.code} version={dossier.version} as="citizen" />
      {dossier.resultDelivery === 'post' && <Shipments code={dossier.code} version={dossier.version} />}
      <IssuedDocuments code={dossier.code} version={dossier.version} authenticityLabel={t('portal:myDossiers.verifyDossier')} />
      <MyDossierRating dossier={dossier} rated={rated} />
      <h3>{t('portal:myDossiers.timeline')}</h3>
      <Timeline history={dossier.history} label={`${t('portal:myDossiers.timeline')} ${dossier.code}`} />
      <AccessLog code={dossier.code} entries={accessLog.entries} failed={accessLog.failed} />
      <p>
        <Link to={receiptPath(dossier.code)}>{t('portal:myDossiers.receipt')}</Link>
      </p>
    </Card>
  );
}

export default function MyDossiersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal:myDossiers.title'));
  const dossiers = useResource('my-dossiers', (signal) => myDossiers(signal));
  const signedIn = dossiers.status === 'success';
  const accessLog = useResource(`my-access-log:${signedIn}`, signedIn ? (signal) => myAccessLog(signal) : null);
  const log = { entries: accessLog.data, failed: accessLog.status === 'error' };
  const ratings = useResource(`my-ratings:${signedIn}`, signedIn ? (signal) => myRatings(signal) : null);
  const rated = new Set(ratings.data?.items.map((r) => r.dossierCode));
  const signedOut = dossiers.status === 'error' && (dossiers.error.status === 401 || dossiers.error.status === 403);
  // A 401 while the header still shows a name means the session expired: let the header catch up.
  const session = useSession();
  const expired = dossiers.status === 'error' && dossiers.error.status === 401 && session.status === 'signedIn';
  useEffect(() => {
    if (expired) void session.refresh();
  }, [expired, session.refresh]);
  return (
    <>
      <h1>{t('portal:myDossiers.title')}</h1>
      {dossiers.status === 'loading' && <Spinner label={t('common.loading')} />}
      {signedOut && (
        <>
          <Alert tone="info" live={false} title={t('portal:myDossiers.loginTitle')} />
          <ButtonAnchor href={loginHref(MY_DOSSIERS_PATH)} block>
            {t('portal:myDossiers.loginAction')}
          </ButtonAnchor>
        </>
      )}
      {dossiers.status === 'error' && !signedOut && <LoadError error={dossiers.error} onRetry={dossiers.retry} />}
      {dossiers.status === 'success' &&
        (dossiers.data.length === 0 ? (
          <>
            <p>{t('portal:myDossiers.empty')}</p>
            <ButtonLink to="/">{t('portal:myDossiers.findProcedure')}</ButtonLink>
            <NoticeChannelPanel />
            <MyData />
          </>
        ) : (
          <>
            <p>{t('portal:myDossiers.intro')}</p>
            <ul className="dossier-list">
              {dossiers.data.map((d) => (
                <DossierCard key={d.code} dossier={d} accessLog={log} rated={rated.has(d.code)} />
              ))}
            </ul>
            <NoticeChannelPanel defaultPhone={dossiers.data[0]?.applicant?.phone ?? undefined} />
            <MyData />
          </>
        ))}
    </>
  );
}
