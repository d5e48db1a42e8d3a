import { useTranslation } from 'react-i18next';
import { dossierNotices } from '../api/notifications.ts';
import { useResource } from '../api/useResource.ts';
import { formatDateTime } from '../format/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert } from '../ui/index.ts';
import { noticeRows } from './rows.ts';
import './i18n.ts';

/** Office dossier page: each notice to the applicant and whether it arrived, so an undelivered one is noticed. */
export function NoticeDeliveries({ code, version }: { code: string; version: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const notices = useResource(`notices:${code}:${version}`, (signal) => dossierNotices(code, signal));
  if (notices.status !== 'success') return null;
  const rows = noticeRows(notices.data);
  return (
    <section aria-labelledby={`notices-${code}`} className="notice-deliveries">
      <h3 id={`notices-${code}`}>{t('notices:delivery.title')}</h3>
      {rows.length === 0 && <p className="muted">{t('notices:delivery.empty')}</p>}
      {rows.some((r) => r.undelivered) && <Alert tone="warning" title={t('notices:delivery.undelivered')} />}
      <ul>
        {rows.map((r) => (
          <li key={`${r.outboxId}-${r.channel}`} data-status={r.status} className={r.undelivered ? 'notice--undelivered' : undefined}>
            <strong>{t(`notices:delivery.channel.${r.channel}`)}</strong> {r.recipient && <span>{r.recipient}</span>} —{' '}
            {t(`notices:delivery.status.${r.status}`)}
            <span className="muted"> ({formatDateTime(r.updatedAt ?? r.createdAt, lang)})</span>
            {r.detail && r.undelivered && <div className="muted">{r.detail}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
