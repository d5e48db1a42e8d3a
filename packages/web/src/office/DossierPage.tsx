import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getProcedure } from '../api/catalog.ts';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { getDossier, uploadUrl } from '../api/dossiers.ts';
import { StateBadge, Timeline, TimelinessBadge } from '../dossier/DossierBits.tsx';
import { IssuedDocuments } from '../dossier/IssuedDocuments.tsx';
import { describeAnswers, type Answer } from '../form/answers.ts';
import { stepsOf } from '../form/schema.ts';
import { formatDate, formatDateTime } from '../format/format.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { formatSize } from '../form/FileUploader.tsx';
import { useDossierProgress } from './useProgress.ts';
import type { Attachment, Dossier } from '@motcua/core/api';
import { Alert, Button, Card, Spinner, useDocumentTitle } from '../ui/index.ts';
import { Shipments } from '../dossier/Shipments.tsx';
import { NoticeDeliveries } from '../notices/NoticeDeliveries.tsx';
import { Payments } from '../dossier/Payments.tsx';
import { ActionForm } from './ActionForm.tsx';
import { FeePanel } from './FeePanel.tsx';
import { KioskButton } from '../voice/KioskButton.tsx';
import { ReturnResultPanel } from './delivery/ReturnResultPanel.tsx';
import { officePaths, useOfficial, type SlipKind } from './context.ts';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/** Slip per event: which printable form a step of the history produces. */
const SLIP_OF: Record<string, SlipKind> = { receive: 'tiep-nhan', request_supplement: 'bo-sung', refuse_intake: 'tu-choi', record_apology: 'xin-loi' };

function AttachmentView({ attachment, dossierCode }: { attachment: Attachment; dossierCode: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const src = uploadUrl(attachment.id, dossierCode);
  const name = attachment.filename;
  return (
    <li className="attachment">
      <p>
        <strong>{name}</strong> <span className="muted">({formatSize(attachment.size, lang)})</span>
        {attachment.label && (
          <span className="muted" lang="vi">
            {' '}
            · {attachment.label}
          </span>
        )}
      </p>
      <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('office:dossier.hide', { name }) : t('office:dossier.view', { name })}
      </Button>{' '}
      <a href={src} target="_blank" rel="noopener">
        {t('office:dossier.openNewTab')}
      </a>
      {open &&
        (attachment.mediaType.startsWith('image/') ? (
          <img className="doc-viewer doc-viewer--img" src={src} alt={name} />
        ) : (
          <iframe className="doc-viewer" src={src} title={name} />
        ))}
    </li>
  );
}

/** Answers with the schema's titles, blanks marked, repeated groups as numbered lists. */
function AnswerTable({ answers }: { answers: Answer[] }) {
  const { t } = useTranslation();
  return (
    <dl className="kv">
      {answers.map((answer) => (
        <div key={answer.name} style={{ display: 'contents' }}>
          <dt>{answer.title}</dt>
          <dd>
            {answer.kind === 'line' ? (
              (answer.text ?? <span className="muted">{t('wizard.noAnswer')}</span>)
            ) : (
              <ol>
                {answer.rows.map((row, i) => (
                  <li key={i}>
                    {row
                      .filter((c) => c.text !== null)
                      .map((c) => `${c.title}: ${c.text}`)
                      .join('; ')}
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function DossierPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const official = useOfficial();
  const { code = '' } = useParams();
  const loaded = useResource(`office-dossier:${code}`, (signal) => getDossier(code, signal));
  const [override, setOverride] = useState<Dossier | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const dossier = override?.code === code ? override : loaded.data;
  // The platform moves the dossier on its own too (the signed result marks it ready): reload when
  // the server's version is ahead of the one shown.
  const progress = useDossierProgress(code);
  const behind = !!progress && !!dossier && progress.code === dossier.code && progress.version > dossier.version;
  const { retry } = loaded;
  useEffect(() => {
    if (!behind) return;
    setOverride(null);
    retry();
  }, [behind, retry]);
  const procedure = useResource(`procedure:${dossier?.procedureCode ?? ''}`, dossier ? (signal) => getProcedure(dossier.procedureCode, signal) : null);
  useDocumentTitle(`${code}`);

  if (!dossier) {
    if (loaded.status === 'error') return <LoadError error={loaded.error} onRetry={loaded.retry} />;
    return <Spinner label={t('common.loading')} />;
  }
  const a = dossier.applicant;
  const yesNo = { yes: t('wizard.yes'), no: t('wizard.no') };
  const schema = procedure.data?.formSchema;
  const answerGroups = schema
    ? stepsOf(schema, lang).map((step) => ({ title: step.title, answers: describeAnswers(schema, dossier.form, lang, yesNo, step.fields) }))
    : [];
  const slips = [...new Set(dossier.history.map((h) => SLIP_OF[h.action]).filter((k): k is SlipKind => !!k))];
  // The delivery endpoint is for the desk and outreach roles; anyone else keeps the plain action.
  const canDeliver = dossier.state === 'result_ready' && official.roles.some((r) => r === 'receptionist' || r === 'outreach');
  const onDone = (action: string) => (next: Dossier) => {
    setOverride(next);
    setDone(t('office:dossier.done', { action: t(`office:action.${action}` as 'office:action.return_result') }));
  };
  const onConflict = () => {
    setOverride(null);
    loaded.retry();
  };
  const blockedByLate = dossier.timeliness === 'late' && dossier.allowedActions.some((x) => x.action === 'record_apology');

  return (
    <>
      <p className="no-print">
        <Link to={officePaths.queue}>← {t('office:dossier.back')}</Link>
      </p>
      <h1 lang="vi">{dossier.procedureName}</h1>
      <div className="dossier-head">
        <strong>{dossier.code}</strong>
        <StateBadge state={dossier.state} />
        {dossier.dueAt && <TimelinessBadge timeliness={dossier.timeliness} />}
        {dossier.dueAt && (
          <span>
            {t('office:dossier.due')}: {formatDate(dossier.dueAt, lang)}
            {dossier.dueAtProvisional && ` ${t('office:dossier.provisional')}`}
          </span>
        )}
      </div>
      {done && (
        <Alert tone="success">
          <p>{done}</p>
        </Alert>
      )}
      {blockedByLate && (
        <Alert tone="warning" live={false}>
          <p>{t('office:dossier.late')}</p>
        </Alert>
      )}
      <div className="dossier-grid">
        <div>
          <Card as="section" title={t('office:dossier.applicant')}>
            <dl className="kv">
              <dt>{t('wizard.fullName')}</dt>
              <dd>{a.fullName}</dd>
              <dt>{t('office:dossier.idNumber')}</dt>
              <dd>{a.idNumber}</dd>
              <dt>{t('office:dossier.birthDate')}</dt>
              <dd>{a.birthDate.split('-').reverse().join('/')}</dd>
              <dt>{t('office:dossier.phone')}</dt>
              <dd>{a.phone}</dd>
              <dt>{t('office:dossier.address')}</dt>
              <dd>{a.addressLine}</dd>
              <dt>{t('office:dossier.channel')}</dt>
              <dd>{t(`channel.${dossier.channel}`)}</dd>
              <dt>{t('office:dossier.submitted')}</dt>
              <dd>{formatDateTime(dossier.submittedAt, lang)}</dd>
              {dossier.receivedAt && (
                <>
                  <dt>{t('office:dossier.received')}</dt>
                  <dd>{formatDateTime(dossier.receivedAt, lang)}</dd>
                </>
              )}
              <dt>{t('office:dossier.delivery')}</dt>
              <dd>
                {t(`delivery.${dossier.resultDelivery}`)}
                {dossier.postalAddress ? `: ${dossier.postalAddress}` : ''}
              </dd>
            </dl>
            {dossier.consent && (
              <p className="muted">
                {t('office:dossier.consent', {
                  method: t(`office:intake.consentMethods.${dossier.consent.method}` as 'office:intake.consentMethods.verbal', {
                    defaultValue: dossier.consent.method,
                  }),
                  at: formatDateTime(dossier.consent.at, lang),
                })}
              </p>
            )}
          </Card>
          <h2>{t('office:dossier.form')}</h2>
          {procedure.status === 'loading' && <Spinner size="small" label={t('common.loading')} />}
          {answerGroups.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3>{group.title}</h3>
              <AnswerTable answers={group.answers} />
            </section>
          ))}
          <h2>{t('office:dossier.documents')}</h2>
          {dossier.attachments.length === 0 ? (
            <p>{t('office:dossier.noDocuments')}</p>
          ) : (
            <ul className="store-list">
              {dossier.attachments.map((att) => (
                <AttachmentView key={att.id} attachment={att} dossierCode={dossier.code} />
              ))}
            </ul>
          )}
          {(dossier.documentsLacking?.length ?? 0) > 0 && (
            // Core's completeness rule at filing, the one the citizen's review step showed.
            <Alert tone="warning" live={false} title={t('office:dossier.lackingAtFiling')}>
              <ul lang="vi" data-testid="documents-lacking">
                {dossier.documentsLacking!.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Alert>
          )}
          {dossier.missingDocuments.length > 0 && (
            <>
              <h3>{t('office:dossier.missingDocuments')}</h3>
              <ul lang="vi">
                {dossier.missingDocuments.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div>
          <section aria-labelledby="actions-title" className="no-print">
            <h2 id="actions-title">{t('office:dossier.actions')}</h2>
            {dossier.allowedActions.length === 0 && <p>{t('office:dossier.noActions')}</p>}
            {dossier.allowedActions.map((spec) => (
              <details key={`${spec.action}-${dossier.version}`} className="action-form" open={dossier.allowedActions.length === 1}>
                <summary>{t(`office:action.${spec.action}`)}</summary>
                {canDeliver && spec.action === 'return_result' ? (
                  <ReturnResultPanel dossier={dossier} onDone={onDone(spec.action)} onConflict={onConflict} />
                ) : (
                  <ActionForm dossier={dossier} spec={spec} procedure={procedure.data} onDone={onDone(spec.action)} onConflict={onConflict} />
                )}
              </details>
            ))}
          </section>
          <FeePanel dossier={dossier} roles={official.roles} onDone={(next) => setOverride(next)} />
          <Payments code={dossier.code} version={dossier.version} as="desk" refundable={dossier.state === 'refused_intake' || dossier.state === 'withdrawn'} />
          <Shipments code={dossier.code} version={dossier.version} />
          <NoticeDeliveries code={dossier.code} version={dossier.version} />
          <IssuedDocuments code={dossier.code} version={dossier.version} issued={progress?.documents} />
          <KioskButton dossier={dossier} />
          {slips.length > 0 && (
            <section aria-labelledby="slips-title" className="no-print">
              <h2 id="slips-title">{t('office:dossier.slips')}</h2>
              <ul>
                {slips.map((kind) => (
                  <li key={kind}>
                    <Link to={officePaths.slip(dossier.code, kind)}>{t(`office:slip.${SLIP_TITLE[kind]}`)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {dossier.apologies.length > 0 && (
            <>
              <h2>{t('office:dossier.apologies')}</h2>
              <ul lang="vi">
                {dossier.apologies.map((ap) => (
                  <li key={ap.at}>
                    {t('office:dossier.apologyLine', { at: formatDateTime(ap.at, lang), date: formatDate(ap.newAppointment, lang), reason: ap.reason })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('office:dossier.history')}</h2>
          <Timeline history={dossier.history} label={t('office:dossier.history')} />
        </div>
      </div>
    </>
  );
}

export const SLIP_TITLE: Record<SlipKind, 'receipt' | 'supplement' | 'refusal' | 'apology'> = {
  'tiep-nhan': 'receipt',
  'bo-sung': 'supplement',
  'tu-choi': 'refusal',
  'xin-loi': 'apology',
};
