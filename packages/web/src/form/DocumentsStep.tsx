import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { Badge, Button, Spinner } from '../ui/index.ts';
import type { Procedure } from '@motcua/core/api';
import { myDocuments } from '../api/dossiers.ts';
import { documentName } from '../format/procedureView.ts';
import type { AttachedFile } from './draft.ts';
import { FileUploader } from './FileUploader.tsx';
import { declaredByEForm } from '@motcua/core/catalog';

export interface DocumentsStepProps {
  procedure: Procedure;
  documents: Record<string, AttachedFile[]>;
  onChange: (index: string, files: AttachedFile[]) => void;
  /** Citizens may reuse their personal document store; officials at the counter have none. */
  withStore: boolean;
  /** Filed online: the e-form the citizen just filled is the declaration (core completeness rule). */
  online?: boolean;
}

function StorePicker({ onPick, chosen }: { onPick: (file: AttachedFile) => void; chosen: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const docs = useResource('my-documents', (signal) => myDocuments(signal));
  if (docs.status === 'loading') return <Spinner size="small" label={t('common.loading')} />;
  const usable = (docs.data ?? []).filter((d) => !chosen.has(d.upload.id));
  if (usable.length === 0) return null;
  return (
    <ul className="store-list">
      {usable.map((doc) => (
        <li key={doc.id}>
          <Button
            variant="secondary"
            onClick={() => onPick({ uploadId: doc.upload.id, filename: doc.title, size: doc.upload.size, mediaType: doc.upload.mediaType })}
          >
            {t('wizard.useDocument', { title: doc.title })}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** One uploader per document the catalogue lists, required ones marked, reuse from the store offered. */
export function DocumentsStep({ procedure, documents, onChange, withStore, online = false }: DocumentsStepProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [storeFor, setStoreFor] = useState<string | null>(null);
  const chosen = new Set(
    Object.values(documents)
      .flat()
      .map((f) => f.uploadId),
  );
  return (
    <>
      <p>{t('wizard.documentsIntro')}</p>
      {procedure.documents.map((doc, index) => {
        const key = String(index);
        const files = documents[key] ?? [];
        const name = documentName(doc, lang);
        const declared = declaredByEForm(procedure, doc, online ? 'online' : 'counter');
        const required = doc.required && !declared;
        return (
          <section key={key} className="doc-item" aria-labelledby={`doc-${key}`}>
            <h3 className="doc-item__name" id={`doc-${key}`}>
              <span lang={doc.nameEn && lang === 'en' ? undefined : 'vi'}>{name}</span>{' '}
              <Badge tone={required ? 'warning' : 'neutral'}>
                {required ? t('procedure.required') : declared ? t('wizard.declaredOnline') : t('procedure.optional')}
              </Badge>
            </h3>
            {declared && <p className="muted">{t('wizard.declaredOnlineNote')}</p>}
            <FileUploader label={name} files={files} onChange={(next) => onChange(key, next)} />
            {withStore &&
              (storeFor === key ? (
                <StorePicker chosen={chosen} onPick={(file) => onChange(key, [...files, file])} />
              ) : (
                <Button variant="quiet" onClick={() => setStoreFor(key)}>
                  {t('wizard.fromStore')}
                </Button>
              ))}
          </section>
        );
      })}
    </>
  );
}
