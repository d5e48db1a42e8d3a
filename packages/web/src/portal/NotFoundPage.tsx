import { useTranslation } from 'react-i18next';
import { ButtonLink, useDocumentTitle } from '../ui/index.ts';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal:notFound.title'));
  return (
    <>
      <h1>{t('portal:notFound.title')}</h1>
      <p>{t('portal:notFound.text')}</p>
      <ButtonLink to="/">{t('common.goHome')}</ButtonLink>
    </>
  );
}
