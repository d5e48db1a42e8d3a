import { useTranslation } from 'react-i18next';
import type { Procedure } from '@motcua/core/api';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Badge, ButtonLink } from '../ui/index.ts';
import { OnlineBadge } from './OnlineBadge.tsx';
import { documentName, feeText, fieldName, procedureName, processingTimeText } from '../format/procedureView.ts';

export function submitPath(code: string): string {
  return `/nop-ho-so/${encodeURIComponent(code)}`;
}

/**
 * One procedure, in the order a citizen asks: can I do it online, how long, how much, what to
 * bring, what I get, and on what legal basis. Notes, result and legal basis exist only in
 * Vietnamese (the official text), so they are marked lang="vi" for screen readers.
 */
export function ProcedureDetails({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const officialLang = lang === 'vi' ? undefined : 'vi';

  return (
    <article className="procedure">
      <h1>{procedureName(procedure, lang)}</h1>
      <p className="procedure__meta">
        <span>
          {t('procedure.field')}: {fieldName(procedure, lang)}
        </span>
        <OnlineBadge level={procedure.online} />
      </p>

      {procedure.confidence === 'low' && (
        <Alert tone="warning" live={false} title={t('procedure.lowConfidenceTitle')}>
          <p>{t('procedure.lowConfidence')}</p>
          {procedure.uncertain && (
            <p>
              {t('procedure.uncertainLabel')} <span lang={officialLang}>{procedure.uncertain}</span>
            </p>
          )}
        </Alert>
      )}
      {lang === 'en' && <p className="muted">{t('common.sourceLanguageNote')}</p>}

      <dl className="facts">
        <div className="facts__item">
          <dt>{t('procedure.processingTime')}</dt>
          <dd>
            <strong>{processingTimeText(procedure, t, lang)}</strong>
            {procedure.processingNote && (
              <span className="facts__note" lang={officialLang}>
                {procedure.processingNote}
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('procedure.fee')}</dt>
          <dd>
            <strong>{feeText(procedure, t, lang)}</strong>
            {procedure.feeNote && (
              <span className="facts__note" lang={officialLang}>
                {procedure.feeNote}
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('procedure.code')}</dt>
          <dd>{procedure.nationalCode ?? procedure.code}</dd>
        </div>
      </dl>

      {procedure.online ? (
        <ButtonLink to={submitPath(procedure.code)} block>
          {t('procedure.submitOnline')}
        </ButtonLink>
      ) : (
        <Alert tone="info" live={false}>
          <p>{t('procedure.onlineUnknown')}</p>
        </Alert>
      )}

      <h2>{t('procedure.documents')}</h2>
      {procedure.documents.length === 0 ? (
        <p>{t('procedure.noDocuments')}</p>
      ) : (
        <ol className="documents">
          {procedure.documents.map((document, index) => (
            <li key={index}>
              <span lang={document.nameEn && lang === 'en' ? undefined : officialLang}>{documentName(document, lang)}</span>{' '}
              <Badge tone={document.required ? 'warning' : 'neutral'}>{document.required ? t('procedure.required') : t('procedure.optional')}</Badge>
              {document.copies !== undefined && <span className="documents__copies"> · {t('procedure.copies', { count: document.copies })}</span>}
            </li>
          ))}
        </ol>
      )}

      {procedure.result && (
        <>
          <h2>{t('procedure.result')}</h2>
          <p lang={officialLang}>{procedure.result}</p>
        </>
      )}

      {procedure.legalBasis.length > 0 && (
        <>
          <h2>{t('procedure.legalBasis')}</h2>
          <ul className="legal" lang={officialLang}>
            {procedure.legalBasis.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
