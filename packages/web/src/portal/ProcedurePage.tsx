import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getProcedure } from '../api/catalog.ts';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Spinner, useDocumentTitle } from '../ui/index.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { ProcedureDetails } from './ProcedureDetails.tsx';
import { procedureName } from '../format/procedureView.ts';
import './portal.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

export default function ProcedurePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { code = '' } = useParams();
  const procedure = useResource(`procedure:${code}`, (signal) => getProcedure(code, signal));
  const loaded = procedure.status === 'success' ? procedure.data : undefined;
  useDocumentTitle(loaded ? procedureName(loaded, lang) : undefined);

  return (
    <>
      <p>
        <Link to="/">← {t('common.backToSearch')}</Link>
      </p>
      {procedure.status === 'loading' && <Spinner label={t('common.loading')} />}
      {procedure.status === 'error' &&
        (procedure.error.status === 404 ? (
          <>
            <h1>{t('procedure.notFoundTitle')}</h1>
            <Alert tone="warning">
              <p>{t('procedure.notFoundText', { code })}</p>
            </Alert>
          </>
        ) : (
          <LoadError error={procedure.error} onRetry={procedure.retry} />
        ))}
      {loaded && <ProcedureDetails procedure={loaded} />}
    </>
  );
}
