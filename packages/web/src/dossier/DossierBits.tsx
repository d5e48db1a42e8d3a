import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.ts';
import { Badge, type BadgeTone } from '../ui/index.ts';
import { formatDateTime } from '../format/format.ts';
import type { DossierState, HistoryItem, Timeliness } from '@motcua/core/api';

const STATE_TONE: Record<DossierState, BadgeTone> = {
  submitted: 'info',
  received: 'info',
  supplement_requested: 'warning',
  in_progress: 'info',
  pending_approval: 'info',
  approved: 'success',
  rejected: 'danger',
  result_ready: 'success',
  returned: 'success',
  refused_intake: 'danger',
  withdrawn: 'neutral',
  cancelled: 'neutral',
};

export function StateBadge({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return <Badge tone={STATE_TONE[state] ?? 'neutral'}>{t(`state.${state}`)}</Badge>;
}

const TIMELINESS_TONE: Record<Timeliness, BadgeTone> = { early: 'success', on_time: 'neutral', due_soon: 'warning', late: 'danger' };

/** Deadline badge: words first ("Quá hạn"), colour second. */
export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return <Badge tone={TIMELINESS_TONE[timeliness] ?? 'neutral'}>{t(`timeliness.${timeliness}`)}</Badge>;
}

/** The dossier's history as a vertical timeline, oldest first: what happened, when, by whom. */
export function Timeline({ history, label }: { history: readonly HistoryItem[]; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  return (
    <ol className="timeline" aria-label={label}>
      {history.map((item, index) => (
        <li key={index}>
          <strong>{i18n.exists(`event.${item.action}`) ? t(`event.${item.action}` as 'event.receive') : item.action}</strong>
          <span className="timeline__when">
            <time dateTime={item.at}>{formatDateTime(item.at, lang)}</time> · {item.actorName}
          </span>
          {item.note && (
            <span className="timeline__note" lang="vi">
              {item.note}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
