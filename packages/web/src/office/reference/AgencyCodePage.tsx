import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useLanguage } from '../../i18n/index.ts';
import { Alert, Button, TextField, useDocumentTitle } from '../../ui/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { agencyCodeOf, setAgencyCode } from './api.ts';
import './i18n.ts';

/** /can-bo/ma-co-quan — the system administrator records a commune's agency identifier. */
export default function AgencyCodePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  useDocumentTitle(t('reference:agencyTitle'));
  const [typed, setTyped] = useState('');
  const [unit, setUnit] = useState('');
  const current = useResource(`agency:${unit}`, /^\d{5}$/.test(unit) ? (s) => agencyCodeOf(unit, s) : null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <h1>{t('reference:agencyTitle')}</h1>
      <p>{t('reference:agencyIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          setUnit(typed.trim());
        }}
      >
        <TextField label={t('reference:unitCode')} inputMode="numeric" maxLength={5} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('reference:show')}
        </Button>
      </form>
      {current.error && <LoadError error={current.error} onRetry={current.retry} />}
      {current.data && (
        <>
          <p>
            <strong>{t('reference:current', { unit: current.data.unitName, code: current.data.agencyCode ?? '—' })}</strong>{' '}
            {current.data.derived && <span className="muted">{t('reference:derived')}</span>}
          </p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setAgencyCode(unit, { agencyCode: code }).then(
                (r) => {
                  setError(null);
                  setSaved(r.agencyCode);
                  current.retry();
                },
                (err: unknown) => setError(toApiError(err)),
              );
            }}
          >
            {error && (
              <Alert tone="error">
                <p>{error.messageFor(lang)}</p>
              </Alert>
            )}
            {saved && (
              <Alert tone="success">
                <p>{t('reference:saved', { code: saved })}</p>
              </Alert>
            )}
            <TextField label={t('reference:agencyCode')} hint="000.12.26.H26" maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} />
            <Button type="submit">{t('reference:save')}</Button>
          </form>
        </>
      )}
    </>
  );
}
