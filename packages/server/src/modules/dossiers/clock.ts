import { defaultCalendar, dueDate, workingDaysBetween, vnIso } from '@motcua/core/calendar';
import { bindClock, type DossierClock } from '@motcua/core/dossier';

/** The workflow's working-day clock over the national calendar (holidays, Tết, announced swaps). */
export const dossierClock: DossierClock = bindClock({ dueDate, workingDaysBetween }, defaultCalendar);

export const iso = (at: string | Date | null): string | null => (at === null ? null : vnIso(new Date(at)));
