import type { DossierClock, Processing } from './types.ts';

/**
 * Adapts calendar functions that take the work calendar as last argument (the shape of
 * `@motcua/core/calendar`) into the clock the workflow needs, without this module importing the
 * calendar: `bindClock({ dueDate, workingDaysBetween }, calendar)`.
 */
export function bindClock<C>(
  fns: {
    dueDate(receivedAt: Date, processing: Processing, cal: C): Date;
    workingDaysBetween(from: Date, to: Date, cal: C): number;
  },
  cal: C,
): DossierClock {
  return {
    dueDate: (receivedAt, processing) => fns.dueDate(receivedAt, processing, cal),
    workingDaysBetween: (from, to) => fns.workingDaysBetween(from, to, cal),
  };
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The date in Vietnam (UTC+7 all year, no daylight saving) of an instant, as 'YYYY-MM-DD'. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
