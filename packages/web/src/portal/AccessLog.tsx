import { useTranslation } from 'react-i18next';
import { localized, useLanguage } from '../i18n/index.ts';
import type { AccessLogEntry } from '../api/privacy.ts';
import { formatDateTime } from '../format/format.ts';

/**
 * Who among the officials opened this dossier's data, when, as what and what they saw: the
 * citizen's right to know (khoản 1 Điều 9 Nghị định 13/2023/NĐ-CP). Folded by default.
 */
export function AccessLog({ code, entries, failed }: { code: string; entries: AccessLogEntry[] | undefined; failed: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mine = (entries ?? []).filter((e) => e.dossierCode === code);
  if (!entries && !failed) return null;
  return (
    <details className="access-log">
      <summary>{failed ? t('portal:myData.accessTitle') : t('portal:myData.accessCount', { count: mine.length })}</summary>
      {failed && <p>{t('portal:myData.accessError')}</p>}
      {!failed && mine.length === 0 && <p>{t('portal:myData.accessNone')}</p>}
      {mine.length > 0 && (
        <ul className="access-log__list">
          {mine.map((e, i) => {
            const roles = e.viewer.roles.map((r) => t(`roles.${r}`)).join(', ');
            const units = e.viewer.units.map((u) => u.name).join(', ');
            const who = [roles, units, e.viewer.via === 'token' ? t('portal:myData.viaToken') : ''].filter(Boolean).join(' · ');
            return (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> <strong>{e.viewer.name}</strong>
                {who && <span className="muted"> ({who})</span>}
                <br />
                {t('portal:myData.viewed', { what: localized(lang, e.what.vi, e.what.en) })}
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
