import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Alert, ButtonLink, Card, useDocumentTitle } from '../ui/index.ts';
import { Payments } from '../dossier/Payments.tsx';
import { MY_DOSSIERS_PATH } from './wizard/paths.ts';
import './portal.css';
import './i18n/index.ts';

/**
 * Where the gateway's return URL lands. What the browser brings back is never taken as payment:
 * the states come from the server, which waits for the signed IPN ("đang xác nhận" until then;
 * the list below polls while it waits). Only a failure the gateway reported is said here.
 */
export default function PaymentPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const outcome = search.get('ket-qua');
  useDocumentTitle(`${t('payment.title')} ${code}`);
  return (
    <>
      <h1>{t('payment.title')}</h1>
      {outcome === 'failed' && <Alert tone="warning">{t('payment.resultFailed')}</Alert>}
      <Card as="section">
        <p>
          {t('portal:receipt.code')}: <strong>{code}</strong>
        </p>
        <Payments code={code} version={0} as="citizen" />
      </Card>
      <ButtonLink to={MY_DOSSIERS_PATH}>{t('payment.backToDossiers')}</ButtonLink>
    </>
  );
}
