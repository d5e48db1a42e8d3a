import { useTranslation } from 'react-i18next';
import type { OnlineLevel } from '@motcua/core/catalog';
import { Badge } from '../ui/index.ts';
import { onlineLabel } from '../format/procedureView.ts';

export function OnlineBadge({ level }: { level: OnlineLevel | null }) {
  const { t } = useTranslation();
  const label = onlineLabel(level, t);
  return label ? <Badge tone={level === 'full' ? 'success' : 'info'}>{label}</Badge> : null;
}
