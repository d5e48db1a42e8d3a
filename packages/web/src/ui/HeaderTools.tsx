import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from '../i18n/index.ts';
import { useDisplayMode } from './preferences.ts';

/** Language switch and large-text toggle: two real toggle buttons, reachable by keyboard. */
export function HeaderTools() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [display, setDisplay] = useDisplayMode();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <div className="header-tools" role="group" aria-label={t('settings.toolsLabel')}>
      {/* The label is written in the language it switches to, so its speakers can find it. */}
      <button type="button" className="tool-btn" lang={other} aria-label={t('settings.switchLanguageLabel')} onClick={() => setLanguage(other)}>
        {t('settings.switchLanguage')}
      </button>
      <button type="button" className="tool-btn" aria-pressed={display === 'large'} onClick={() => setDisplay(display === 'large' ? 'standard' : 'large')}>
        <span aria-hidden="true" className="tool-btn__icon">
          A<span>A</span>
        </span>
        {t('settings.largeText')}
      </button>
    </div>
  );
}
