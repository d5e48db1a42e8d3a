import { useTranslation } from 'react-i18next';
import { ButtonLink, useDocumentTitle } from '../ui/index.ts';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <ButtonLink to="/">{t('common.goHome')}</ButtonLink>
    </>
  );
}
