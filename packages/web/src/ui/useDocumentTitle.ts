import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page gets its own tab title, the first thing a screen reader says after navigation. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const site = t('site.name');
  useEffect(() => {
    document.title = title ? `${title} – ${t('site.shortName')}` : site;
  }, [title, site, t]);
}
