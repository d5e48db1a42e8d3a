import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button } from './index.ts';

/** The friendly failure state: what happened, in the reader's language, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Alert
      tone="error"
      title={t('errors.loadFailedTitle')}
      actions={
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    >
      <p>{error.messageFor(lang)}</p>
    </Alert>
  );
}
