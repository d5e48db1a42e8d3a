import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getProcedure } from '../api/catalog.ts';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, ButtonAnchor, ButtonLink, Spinner, loginHref, useDocumentTitle } from '../ui/index.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { LoadError } from '../ui/LoadError.tsx';
import { procedurePath } from './ProcedureList.tsx';
import { procedureName } from '../format/procedureView.ts';
import { submitPath } from './ProcedureDetails.tsx';
import { Wizard } from './wizard/Wizard.tsx';
import './portal.css';
import '../form/wizard.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/**
 * Online submission: the wizard for a signed-in citizen; otherwise the way to sign in, which
 * returns here afterwards (and the saved draft, if any, reopens).
 */
export default function SubmitPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { code = '' } = useParams();
  const procedure = useResource(`procedure:${code}`, (signal) => getProcedure(code, signal));
  const session = useSession();
  const name = procedure.status === 'success' ? procedureName(procedure.data, lang) : undefined;
  useDocumentTitle(name ? `${t('portal:submit.title')}: ${name}` : t('portal:submit.title'));

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

  let body: React.ReactNode = <Spinner label={t('common.loading')} />;
  if (procedure.status === 'error') body = <LoadError error={procedure.error} onRetry={procedure.retry} />;
  else if (session.status === 'error') body = <LoadError error={session.error} onRetry={() => void session.refresh()} />;
  else if (session.status === 'anonymous') {
    body = (
      <>
        <Alert tone="info" live={false} title={t('portal:submit.loginRequiredTitle')}>
          <p>{t('portal:submit.loginRequiredText')}</p>
        </Alert>
        <ButtonAnchor href={loginHref(submitPath(code))} block>
          {t('portal:submit.loginAction')}
        </ButtonAnchor>
      </>
    );
  } else if (procedure.status === 'success' && session.status === 'signedIn') {
    const me = session.me;
    if (me.kind !== 'citizen') {
      body = (
        <Alert tone="info" live={false}>
          <p>{t('wizard.officialAccount')}</p>
          <p>
            <ButtonLink to="/can-bo/tiep-nhan" variant="secondary">
              {t('portal:submit.officeIntake')}
            </ButtonLink>
          </p>
        </Alert>
      );
    } else if (procedure.data.online === null) {
      body = (
        <Alert tone="info" live={false}>
          <p>{t('wizard.notOnline')}</p>
        </Alert>
      );
    } else {
      body = <Wizard procedure={procedure.data} me={me} />;
    }
  }

  return (
    <>
      <h1>{t('portal:submit.title')}</h1>
      {procedure.status === 'success' && (
        <p className="lead">
          <Link to={procedurePath(procedure.data.code)}>{t('portal:submit.forProcedure', { name })}</Link>
        </p>
      )}
      {body}
    </>
  );
}
