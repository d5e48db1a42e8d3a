import { dueDate, isProvisional, vnDate, workingDaysBetween, vnIso } from '@motcua/core/calendar';
import type { DossierClock } from '@motcua/core/dossier';
import { currentCalendar } from '../calendar/index.ts';

/**
 * The workflow's working-day clock over the process's calendar (holidays, Tết, announced swaps,
 * and the announcements a system administrator recorded): read at each call, so a recorded
 * announcement applies at once.
 */
export const dossierClock: DossierClock = {
  dueDate: (receivedAt, processing) => dueDate(receivedAt, processing, currentCalendar()),
  workingDaysBetween: (from, to) => workingDaysBetween(from, to, currentCalendar()),
};

/** Whether the appointment `dueAt` falls in a year whose days off are not announced yet (core isProvisional). */
export function inProvisionalYear(dueAt: Date | string | null): boolean {
  return dueAt !== null && isProvisional(vnDate(new Date(dueAt)), currentCalendar());
}

export const iso = (at: string | Date | null): string | null => (at === null ? null : vnIso(new Date(at)));
