import { defaultCalendar, type WorkCalendar } from '@motcua/core/calendar';

/**
 * The process's working calendar: core's national calendar plus the announcements recorded in the
 * database. Held here because due dates are computed in pure view code (dossiers/clock.ts) that
 * has no service at hand; CalendarService.refresh() replaces it at start-up and after every
 * change, so a recorded announcement applies to the next computation at once.
 */
let current: WorkCalendar = defaultCalendar;

export function currentCalendar(): WorkCalendar {
  return current;
}

export function setCurrentCalendar(cal: WorkCalendar): void {
  current = cal;
}
