import { vietnamDate } from './clock.ts';
import type { DossierClock, DossierView, Timeliness } from './types.ts';

/**
 * How a dossier stands against its appointment (dueAt, the latest apology's when there is one):
 *
 * - Result ready or returned — judged at resultReadyAt: 'early' when ready on a Vietnam calendar
 *   day before the due day, 'on_time' when ready on the due day or otherwise not after dueAt,
 *   'late' when after dueAt.
 * - Waiting for a supplement — 'on_time': the clock is stopped, and the late rule forbids
 *   requesting a supplement once overdue, so a paused dossier was never late.
 * - Closed without a result (refused intake, withdrawn, cancelled) — 'late' if it closed after
 *   dueAt while the clock was running, otherwise 'on_time'.
 * - Not yet received (no appointment) — 'on_time'.
 * - Otherwise running (received … approved/rejected, result not ready) — 'late' once now > dueAt;
 *   'due_soon' when at most 1 working day is left as the calendar counts
 *   workingDaysBetween(now, dueAt); otherwise 'on_time'.
 */
export function timeliness(view: DossierView, now: Date, clock: Pick<DossierClock, 'workingDaysBetween'>): Timeliness {
  if (view.dueAt === null) return 'on_time';
  const due = new Date(view.dueAt);
  if (view.resultReadyAt !== null) {
    const ready = new Date(view.resultReadyAt);
    if (ready.getTime() > due.getTime()) return 'late';
    return vietnamDate(ready) < vietnamDate(due) ? 'early' : 'on_time';
  }
  if (view.pausedAt !== null) return 'on_time';
  if (view.closure !== null) return Date.parse(view.closure.at) > due.getTime() ? 'late' : 'on_time';
  if (now.getTime() > due.getTime()) return 'late';
  return clock.workingDaysBetween(now, due) <= 1 ? 'due_soon' : 'on_time';
}
