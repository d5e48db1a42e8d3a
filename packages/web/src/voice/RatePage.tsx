import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RatingReceipt } from '@motcua/core/api';
import { useResource } from '../api/useResource.ts';
import { Alert, Card, Spinner, useDocumentTitle } from '../ui/index.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { ratingLink } from './api.ts';
import { RatingForm } from './RatingForm.tsx';
import './i18n/index.ts';

/**
 * /danh-gia/:token — rating without logging in, from the link in a result notice or on the desk's
 * tablet (kiosk link). The page shows the dossier's code and procedure only, never the applicant.
 */
export default function RatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('voice:rate.title'));
  const { token = '' } = useParams();
  const link = useResource(`rating-link:${token}`, (signal) => ratingLink(token, signal));
  const [done, setDone] = useState<RatingReceipt | null>(null);

  if (done) {
    return (
      <Card className="rating-done">
        <h1>{t('voice:rate.thanks')}</h1>
        {done.channel === 'kiosk' && <p>{t('voice:rate.thanksKiosk')}</p>}
      </Card>
    );
  }
  return (
    <>
      <h1>{t('voice:rate.title')}</h1>
      {link.status === 'loading' && <Spinner label={t('voice:rate.loading')} />}
      {link.error && <LoadError error={link.error} onRetry={link.retry} />}
      {link.data && (
        <>
          <p>
            <strong>{t('voice:rate.dossier', { code: link.data.dossierCode, procedure: link.data.procedureName })}</strong>
          </p>
          <Alert tone="info" live={false}>
            <p>{t('voice:rate.intro')}</p>
          </Alert>
          <RatingForm code={link.data.dossierCode} token={token} online={link.data.online} onDone={setDone} />
        </>
      )}
    </>
  );
}
