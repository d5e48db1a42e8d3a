import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/index.ts';
import type { OutboxItem } from '../sync/types.ts';

const TONES: Record<OutboxItem['state'], BadgeTone> = {
  queued: 'neutral',
  sending: 'info',
  applied: 'success',
  duplicate: 'success',
  rejected: 'danger',
  conflict: 'warning',
};

/** An op's sync state in words (a duplicate of a refused op reads as refused). */
export function StateBadge({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const state = item.state === 'duplicate' && item.original && item.original.status !== 'applied' ? (item.original.status as OutboxItem['state']) : item.state;
  return <Badge tone={TONES[state] ?? 'neutral'}>{t(`field:sync.state.${state}`)}</Badge>;
}
