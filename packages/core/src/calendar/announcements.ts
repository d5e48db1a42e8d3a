// Announcements recorded in the app: a day off or a make-up working day, each with the document
// that announced it (the Prime Minister's decision, a Ministry of Home Affairs notice, a Labour
// Code amendment). Pure: the server stores them and builds its calendar with calendarWith().
import { weekdayOf, type IsoDate } from './dates.ts';
import { isWorkingDay, makeCalendar, type WorkCalendar } from './work-calendar.ts';

export type AnnouncementKind = 'day_off' | 'make_up';

export interface DayAnnouncement {
  day: IsoDate;
  kind: AnnouncementKind;
}

/**
 * Why `a` cannot be recorded on `cal`, or null when it can: a day off must fall on a day that is
 * a working day now, a make-up day on one that is not (a day off already, or a weekend).
 */
export function announcementConflict(a: DayAnnouncement, cal: WorkCalendar): 'already_off' | 'already_working' | null {
  weekdayOf(a.day); // validates the date
  const working = isWorkingDay(a.day, cal);
  if (a.kind === 'day_off' && !working) return 'already_off';
  if (a.kind === 'make_up' && working) return 'already_working';
  return null;
}

/**
 * `base` with the announcements added; every year holding one counts as announced (no longer
 * provisional: its schedule was published and recorded).
 */
export function calendarWith(base: WorkCalendar, announcements: readonly DayAnnouncement[]): WorkCalendar {
  return makeCalendar(
    {
      extraDaysOff: announcements.filter((a) => a.kind === 'day_off').map((a) => a.day),
      makeUpWorkingDays: announcements.filter((a) => a.kind === 'make_up').map((a) => a.day),
      announcedYears: announcements.map((a) => Number(a.day.slice(0, 4))),
    },
    base,
  );
}
