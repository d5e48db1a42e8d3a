import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatSize } from '../../form/FileUploader.tsx';
import { Alert, Button, buttonClassName } from '../../ui/index.ts';
import type { FieldFile } from '../sync/types.ts';

export interface Picked {
  key: string;
  file: File;
}

const TYPES: readonly FieldFile['mediaType'][] = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX_BYTES = 10 * 1024 * 1024; // the server's UPLOAD_MAX_BYTES default

export async function readAttachments(files: readonly Picked[]) {
  return Promise.all(
    files.map(async ({ file }) => ({ name: file.name, mediaType: file.type as FieldFile['mediaType'], bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

/** Photos of documents (back camera on phones) or files; kept in memory until the dossier is saved, then sealed. */
export function AttachmentPicker({ files, onChange }: { files: readonly Picked[]; onChange: (files: Picked[]) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId().replace(/:/g, '');
  const [refused, setRefused] = useState<string[]>([]);
  const add = (list: FileList | null) => {
    const accepted: Picked[] = [];
    const refused: string[] = [];
    for (const file of Array.from(list ?? [])) {
      if (!TYPES.includes(file.type as FieldFile['mediaType'])) refused.push(t('field:receive.fileType', { name: file.name }));
      else if (file.size > MAX_BYTES) refused.push(t('field:receive.fileTooBig', { name: file.name }));
      else accepted.push({ key: crypto.randomUUID(), file });
    }
    setRefused(refused);
    onChange([...files, ...accepted]);
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('field:receive.photos')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('field:receive.photosHint')}
      </p>
      <div className="field-actions">
        {/* Hidden inputs before their labels: the label shows the focus ring (field.css). */}
        <input
          id={`${id}-camera`}
          className="visually-hidden field-file-input"
          type="file"
          accept="image/jpeg,image/png"
          capture="environment"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <label className={buttonClassName({ variant: 'secondary' })} htmlFor={`${id}-camera`}>
          {t('field:receive.takePhoto')}
        </label>
        <input
          id={`${id}-files`}
          data-testid="attachment-files"
          className="visually-hidden field-file-input"
          type="file"
          multiple
          accept={TYPES.join(',')}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <label className={buttonClassName({ variant: 'secondary' })} htmlFor={`${id}-files`}>
          {t('field:receive.chooseFiles')}
        </label>
      </div>
      {files.length === 0 ? null : (
        <ul className="field-files">
          {files.map((f) => (
            <li key={f.key}>
              <span>
                {f.file.name} ({formatSize(f.file.size, lang)})
              </span>
              <Button variant="quiet" onClick={() => onChange(files.filter((x) => x.key !== f.key))}>
                {t('field:receive.removeFile', { name: f.file.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && <Alert tone="error">{refused.join(' ')}</Alert>}
    </fieldset>
  );
}
