import { DOSSIER_STATES, TERMINAL_STATES, type DossierState } from '@motcua/core/dossier';
import type { QueueFilters } from '../api/dossiers.ts';

/** The desk's actual work: every state but the finished ones (returned, refused, withdrawn, cancelled). */
export const OPEN_STATES: readonly DossierState[] = DOSSIER_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** URL parameter that shows finished dossiers too (hidden by default). */
export const SHOW_FINISHED_PARAM = 'xong';

/** End of today in Vietnam, for "due today" (everything due before tomorrow 00:00 +07:00). */
export function endOfVietnamDay(now = new Date()): string {
  const vn = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return new Date(new Date(`${vn}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();
}

/** The queue request the page's URL asks for. A chosen state wins; otherwise finished dossiers stay out unless asked for. */
export function filtersFrom(params: URLSearchParams, defaultUnit: string | undefined, now = new Date()): QueueFilters {
  const get = (key: string) => params.get(key) || undefined;
  const state = get('state');
  return {
    unit: get('unit') ?? defaultUnit,
    state: state ? [state] : params.get(SHOW_FINISHED_PARAM) === '1' ? undefined : [...OPEN_STATES],
    channel: get('channel'),
    hamlet: get('hamlet'),
    q: get('q'),
    late: params.get('late') === '1',
    assignedToMe: params.get('mine') === '1',
    dueBefore: params.get('den-han') === 'hom-nay' ? endOfVietnamDay(now) : undefined,
    sort: params.get('sort') === 'receivedAt' ? 'receivedAt' : 'dueAt',
  };
}
