import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/index.ts';
import { Button, ProgressBar } from '../ui/index.ts';
import { uploadFile } from '../api/upload.ts';
import type { AttachedFile } from './draft.ts';
import { afterSuccess, type Pending } from './uploads.ts';
import './wizard.css';

export interface FileUploaderProps {
  /** What the files are for, e.g. a document name: labels the buttons for screen readers. */
  label: string;
  files: readonly AttachedFile[];
  onChange: (files: AttachedFile[]) => void;
}

export function formatSize(bytes: number, lang: string): string {
  const format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${format.format(bytes / 1024 / 1024)} MB` : `${format.format(Math.max(bytes / 1024, 0.1))} KB`;
}

/**
 * Upload for one document: a camera button (opens the back camera on phones) and a file picker,
 * a real progress bar per file, retry on failure. Finished uploads are reported by id only.
 */
export function FileUploader({ label, files, onChange }: FileUploaderProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId().replace(/:/g, '');
  const [pending, setPending] = useState<Pending[]>([]);
  const counter = useRef(0);
  // Uploads finish out of order; read the latest list, not the one captured when they started.
  const latest = useRef<AttachedFile[]>([...files]);
  latest.current = [...files];

  const start = (file: File, key = ++counter.current) => {
    setPending((list) => [...list.filter((p) => p.key !== key), { key, name: file.name, progress: 0, file }]);
    uploadFile(file, file.name, ({ loaded, total }) =>
      setPending((list) => list.map((p) => (p.key === key ? { ...p, progress: total ? loaded / total : null } : p))),
    ).then(
      (upload) => {
        setPending((list) => afterSuccess(list, key));
        const attached = { uploadId: upload.id, filename: upload.filename || file.name, size: upload.size, mediaType: upload.mediaType };
        latest.current = [...latest.current, attached];
        onChange(latest.current);
      },
      (error: unknown) => {
        const reason = toApiError(error).messageFor(lang);
        setPending((list) => list.map((p) => (p.key === key ? { ...p, error: reason } : p)));
      },
    );
  };

  const pick = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) start(file);
  };

  return (
    <div className="uploader">
      {files.length > 0 && (
        <ul className="uploader__files">
          {files.map((file) => (
            <li key={file.uploadId} className="uploader__file">
              <span>
                <span aria-hidden="true">✓ </span>
                {file.filename} <span className="muted">({formatSize(file.size, lang)})</span>
              </span>
              <Button variant="quiet" onClick={() => onChange(files.filter((f) => f.uploadId !== file.uploadId))}>
                {t('wizard.removeFile', { name: file.filename })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {pending.map((p) =>
        p.error ? (
          <div key={p.key} className="uploader__failed" role="alert">
            <p>{t('wizard.uploadFailed', { name: p.name, reason: p.error })}</p>
            <Button variant="secondary" onClick={() => start(p.file, p.key)}>
              {t('common.retry')}
            </Button>{' '}
            <Button variant="quiet" onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}>
              {t('wizard.removeFile', { name: p.name })}
            </Button>
          </div>
        ) : (
          <ProgressBar key={p.key} label={t('wizard.uploading', { name: p.name })} value={p.progress} />
        ),
      )}
      <div className="uploader__buttons">
        {/* The input is visually hidden but focusable; its label is the visible button. */}
        <input
          id={`${id}-camera`}
          className="visually-hidden uploader__input"
          type="file"
          accept="image/*,application/pdf"
          capture="environment"
          aria-label={t('wizard.uploadFor', { name: label })}
          onChange={(event) => {
            pick(event.target.files);
            event.target.value = '';
          }}
        />
        <label htmlFor={`${id}-camera`} className="btn btn--secondary uploader__label" aria-hidden="true">
          📷 {t('wizard.upload')}
        </label>
        <input
          id={`${id}-file`}
          className="visually-hidden uploader__input"
          type="file"
          multiple
          accept="image/*,application/pdf"
          aria-label={`${t('wizard.upload')} (PDF): ${label}`}
          onChange={(event) => {
            pick(event.target.files);
            event.target.value = '';
          }}
        />
        <label htmlFor={`${id}-file`} className="btn btn--quiet uploader__label" aria-hidden="true">
          PDF…
        </label>
      </div>
    </div>
  );
}
