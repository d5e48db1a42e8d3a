/**
 * The calendar module's port: announced days off and make-up working days (recorded by a system
 * administrator, audited) and the process's working calendar built from them, which every due
 * date uses (dossiers/clock.ts).
 */
export { CalendarService } from './service.ts';
export { calendarRoutes } from './routes.ts';
export { currentCalendar } from './current.ts';
