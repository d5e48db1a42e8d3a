import { useTranslation } from 'react-i18next';
import { useResource } from '../api/useResource.ts';
import { useLanguage, localized } from '../i18n/index.ts';
import { issuedDocuments } from '../api/dossiers.ts';
import { formatDateTime } from '../format/format.ts';
import { documentToVerify } from './authenticity.ts';

export interface IssuedDocumentsProps {
  code: string;
  /** Only these kinds (e.g. the slip being printed); all when absent. */
  kinds?: readonly string[];
  /** Changes when the dossier changes, so newly issued documents are fetched. */
  version: number;
  /** How many documents the server has signed so far (office pages poll it): a new one is fetched. */
  issued?: number | undefined;
  heading?: string;
  /** Adds one link checking the dossier's main document (the result, else the latest), labelled so. */
  authenticityLabel?: string;
}

/** Links to the dossier's digitally signed PDFs; renders nothing until there are some. */
export function IssuedDocuments({ code, kinds, version, issued, heading, authenticityLabel }: IssuedDocumentsProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const docs = useResource(`issued:${code}:${version}:${issued ?? ''}`, (signal) => issuedDocuments(code, signal));
  const shown = (docs.data ?? []).filter((d) => !kinds || kinds.includes(d.kind));
  if (shown.length === 0) return null;
  const main = authenticityLabel ? documentToVerify(shown) : null;
  return (
    <section aria-label={heading ?? t('issued.title')} className="no-print">
      <h2>{heading ?? t('issued.title')}</h2>
      <ul>
        {shown.map((doc) => (
          <li key={doc.id}>
            <a href={doc.downloadUrl} type="application/pdf">
              {localized(lang, doc.title, doc.titleEn)} ({t('issued.signedPdf')})
            </a>{' '}
            <span className="muted">{formatDateTime(doc.signedAt, lang)}</span> · <a href={doc.verifyUrl}>{t('issued.verify')}</a>
          </li>
        ))}
      </ul>
      {main && (
        <p>
          <a href={main.verifyUrl}>{authenticityLabel}</a>
        </p>
      )}
    </section>
  );
}
