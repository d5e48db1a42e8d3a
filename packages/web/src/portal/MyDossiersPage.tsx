import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toApiError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, ButtonAnchor, ButtonLink, Card, Spinner, TextArea, loginHref, useDocumentTitle } from '../ui/index.ts';
import { actOnDossier, myDossiers } from './api/dossiers.ts';
import type { Dossier } from '@motcua/core/api';
import { StateBadge, Timeline, TimelinessBadge } from './DossierBits.tsx';
import { formatDate } from './format.ts';
import { IssuedDocuments } from './IssuedDocuments.tsx';
import { AccessLog } from './AccessLog.tsx';
import { MY_DATA_EXPORT_URL, myAccessLog, type AccessLogEntry } from './api/privacy.ts';
import { LoadError } from './LoadError.tsx';
import { verifyPath } from './api/results.ts';
import { Shipments } from './Shipments.tsx';
import type { AttachedFile } from './wizard/draft.ts';
import { FileUploader } from './wizard/FileUploader.tsx';
import { MY_DOSSIERS_PATH, receiptPath } from './wizard/paths.ts';
import './portal.css';
import './wizard/wizard.css';

/** The citizen's rights over their data: the download of everything held about them. */
function MyData() {
  const { t } = useTranslation();
  return (
    <section className="card my-data" aria-labelledby="my-data-title">
      <h2 id="my-data-title" className="card__title">
        {t('myData.title')}
      </h2>
      <p>{t('myData.intro')}</p>
      <ButtonAnchor href={MY_DATA_EXPORT_URL} download variant="secondary" block>
        {t('myData.download')}
      </ButtonAnchor>
      <p className="muted">{t('myData.downloadHint')}</p>
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
      setError(t('myDossiers.needFile'));
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
      <h3 id={`sup-${dossier.code}`}>{t('myDossiers.supplementTitle')}</h3>
      {request?.note && <p lang="vi">{t('myDossiers.supplementReason', { reason: request.note })}</p>}
      {dossier.missingDocuments.length > 0 && (
        <>
          <p>{t('myDossiers.missing')}</p>
          <ul lang="vi">
            {dossier.missingDocuments.map((doc) => (
              <li key={doc}>{doc}</li>
            ))}
          </ul>
        </>
      )}
      <FileUploader label={t('myDossiers.supplementTitle')} files={files} onChange={setFiles} />
      <TextArea label={t('myDossiers.supplementNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
      {error && (
        <Alert tone="error">
          <p>{error}</p>
        </Alert>
      )}
      <Button onClick={() => void send()} disabled={busy}>
        {t('myDossiers.supplementSubmit')}
      </Button>
    </section>
  );
}

function DossierCard({ dossier: initial, accessLog }: { dossier: Dossier; accessLog: { entries: AccessLogEntry[] | undefined; failed: boolean } }) {
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
          {t('receipt.code')}: <strong>{dossier.code}</strong>
        </span>
        <StateBadge state={dossier.state} />
        {dossier.dueAt && !dossier.dueAtProvisional && <TimelinessBadge timeliness={dossier.timeliness} />}
      </div>
      {dossier.dueAt && <p>{t('myDossiers.appointment', { date: formatDate(dossier.dueAt, lang) })}</p>}
      {apology && (
        <Alert tone="warning" live={false}>
          <p>{t('myDossiers.apology', { date: formatDate(apology.newAppointment, lang) })}</p>
          <p lang="vi">{apology.reason}</p>
        </Alert>
      )}
      {sent && (
        <Alert tone="success">
          <p>{t('myDossiers.supplementSent')}</p>
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
      {dossier.resultDelivery === 'post' && <Shipments code={dossier.code} version={dossier.version} />}
      <IssuedDocuments code={dossier.code} version={dossier.version} />
      <p>
        <a href={verifyPath(dossier.code)}>{t('myDossiers.verifyDossier')}</a>
      </p>
      <h3>{t('myDossiers.timeline')}</h3>
      <Timeline history={dossier.history} label={`${t('myDossiers.timeline')} ${dossier.code}`} />
      <AccessLog code={dossier.code} entries={accessLog.entries} failed={accessLog.failed} />
      <p>
        <Link to={receiptPath(dossier.code)}>{t('myDossiers.receipt')}</Link>
      </p>
    </Card>
  );
}

export default function MyDossiersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myDossiers.title'));
  const dossiers = useResource('my-dossiers', (signal) => myDossiers(signal));
  const signedIn = dossiers.status === 'success';
  const accessLog = useResource(`my-access-log:${signedIn}`, signedIn ? (signal) => myAccessLog(signal) : null);
  const log = { entries: accessLog.data, failed: accessLog.status === 'error' };
  const signedOut = dossiers.status === 'error' && (dossiers.error.status === 401 || dossiers.error.status === 403);
  // A 401 while the header still shows a name means the session expired: let the header catch up.
  const session = useSession();
  const expired = dossiers.status === 'error' && dossiers.error.status === 401 && session.status === 'signedIn';
  useEffect(() => {
    if (expired) void session.refresh();
  }, [expired, session.refresh]);
  return (
    <>
      <h1>{t('myDossiers.title')}</h1>
      {dossiers.status === 'loading' && <Spinner label={t('common.loading')} />}
      {signedOut && (
        <>
          <Alert tone="info" live={false} title={t('myDossiers.loginTitle')} />
          <ButtonAnchor href={loginHref(MY_DOSSIERS_PATH)} block>
            {t('myDossiers.loginAction')}
          </ButtonAnchor>
        </>
      )}
      {dossiers.status === 'error' && !signedOut && <LoadError error={dossiers.error} onRetry={dossiers.retry} />}
      {dossiers.status === 'success' &&
        (dossiers.data.length === 0 ? (
          <>
            <p>{t('myDossiers.empty')}</p>
            <ButtonLink to="/">{t('myDossiers.findProcedure')}</ButtonLink>
            <MyData />
          </>
        ) : (
          <>
            <p>{t('myDossiers.intro')}</p>
            <ul className="dossier-list">
              {dossiers.data.map((d) => (
                <DossierCard key={d.code} dossier={d} accessLog={log} />
              ))}
            </ul>
            <MyData />
          </>
        ))}
    </>
  );
}
