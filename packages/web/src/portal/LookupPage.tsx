import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { toApiError, type ApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, Card, TextField, useDocumentTitle } from '../ui/index.ts';
import { lookupDossier } from '../api/dossiers.ts';
import { StateBadge, TimelinessBadge } from '../dossier/DossierBits.tsx';
import { formatDate } from '../format/format.ts';
import type { LookupResult } from '@motcua/core/api';
import './portal.css';
import '../form/wizard.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/** Public status look-up: the receipt's code (prefilled from the QR link) plus phone or CCCD. */
export default function LookupPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  useDocumentTitle(t('portal:lookup.title'));
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);

  const search = async () => {
    if (!code.trim() || !contact.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      setResult(await lookupDossier(code, contact));
    } catch (e) {
      setResult(null);
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('portal:lookup.title')}</h1>
      <p>{t('portal:lookup.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        {missing && (
          <Alert tone="error">
            <p>{t('portal:lookup.missingInput')}</p>
          </Alert>
        )}
        <TextField
          label={t('portal:lookup.code')}
          hint={t('portal:lookup.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          label={t('portal:lookup.phone')}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          inputMode="numeric"
          autoComplete="tel"
          className="field--short"
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? t('portal:lookup.searching') : t('portal:lookup.submit')}
        </Button>
      </form>
      <div role="status" className="results">
        {error && (
          <Alert tone="warning" live={false}>
            <p>{error.messageFor(lang)}</p>
          </Alert>
        )}
        {result && (
          <Card as="section" tone="highlight" title={t('portal:lookup.result', { code: result.code })}>
            <dl className="facts-list">
              <div>
                <dt>{t('portal:lookup.procedure')}</dt>
                <dd lang="vi">{result.procedureName}</dd>
              </div>
              <div>
                <dt>{t('portal:lookup.state')}</dt>
                <dd>
                  <StateBadge state={result.state} /> <TimelinessBadge timeliness={result.timeliness} />
                </dd>
              </div>
              <div>
                <dt>{t('portal:lookup.receivedAt')}</dt>
                <dd>{result.receivedAt ? formatDate(result.receivedAt, lang) : t('portal:lookup.notYet')}</dd>
              </div>
              <div>
                <dt>{t('portal:lookup.dueAt')}</dt>
                <dd>
                  {result.dueAt ? formatDate(result.dueAt, lang) : t('portal:lookup.notYet')}
                  {result.dueAt && result.dueAtProvisional && <span className="facts__note">{t('portal:receipt.provisional')}</span>}
                </dd>
              </div>
            </dl>
          </Card>
        )}
      </div>
    </>
  );
}
