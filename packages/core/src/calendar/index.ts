// @motcua/core/calendar: Vietnamese lunar calendar, public holidays and working-time deadlines.
// Pure and time-zone independent: all "days" are Vietnam dates (UTC+7).
export {
  type IsoDate,
  addDays,
  isIsoDate,
  weekdayOf,
  vnDate,
  vnIso,
  vnInstant,
} from './dates.ts';
export { type LunarDate, VIETNAM_TIME_ZONE, solarToLunar, lunarToSolar, leapMonthOf, tetOf } from './lunar.ts';
export { type Holiday, type HolidayChoice, type HolidayChoices, defaultNationalDayAdjacent, holidaysOf } from './holidays.ts';
export { type YearAdjustments, announcedAdjustments, announcedHolidayChoices } from './adjustments.ts';
export {
  type WorkCalendar,
  baseCalendar,
  defaultCalendar,
  makeCalendar,
  isProvisional,
  isWorkingDay,
  nextWorkingDay,
  addWorkingDays,
} from './work-calendar.ts';
export { type AnnouncementKind, type DayAnnouncement, announcementConflict, calendarWith } from './announcements.ts';
export { type Processing, receiptDay, dueDate, workingDaysBetween, workingDaysBetweenDates } from './working-time.ts';
