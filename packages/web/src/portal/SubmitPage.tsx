import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getProcedure } from '../api/catalog.ts';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, ButtonAnchor, loginHref, useDocumentTitle } from '../ui/index.ts';
import { LoadError } from './LoadError.tsx';
import { procedurePath } from './ProcedureList.tsx';
import { procedureName } from './procedureView.ts';
import { submitPath } from './ProcedureDetails.tsx';

/**
 * Entry to online submission. The wizard needs a signed-in citizen; until a session exists this
 * page sends them to the server's login, which returns here afterwards.
 */
export default function SubmitPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { code = '' } = useParams();
  useDocumentTitle(t('submit.title'));
  const procedure = useResource(`procedure:${code}`, (signal) => getProcedure(code, signal));

  if (procedure.status === 'error' && procedure.error.status === 404) {
    return (
      <>
        <h1>{t('procedure.notFoundTitle')}</h1>
        <Alert tone="warning">
          <p>{t('procedure.notFoundText', { code })}</p>
        </Alert>
        <p>
          <Link to="/">{t('common.backToSearch')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('submit.title')}</h1>
      {procedure.status === 'success' && (
        <p className="lead">
          <Link to={procedurePath(procedure.data.code)}>
            {t('submit.forProcedure', { name: procedureName(procedure.data, lang) })}
          </Link>
        </p>
      )}
      {procedure.status === 'error' && <LoadError error={procedure.error} onRetry={procedure.retry} />}
      <Alert tone="info" live={false} title={t('submit.loginRequiredTitle')}>
        <p>{t('submit.loginRequiredText')}</p>
      </Alert>
      <ButtonAnchor href={loginHref(submitPath(code))} block>
        {t('submit.loginAction')}
      </ButtonAnchor>
    </>
  );
}
