// Deadlines (ngày hẹn trả kết quả) and elapsed working time, all in Vietnam time (UTC+7).
//
// Rules (documented choice, in the spirit of Civil Code 2015 arts. 147–148: the day on which a
// period starts is not counted; a period in days ends at the end of its last day):
//  1. The receipt day is the Vietnam date of receipt if it is a working day and the dossier
//     arrived at or before the cut-off (15:00:00 exactly still counts); otherwise the dossier is
//     deemed received at the opening of the next working day (Decree 118/2025).
//  2. Whole days: due at officeClose of the N-th working day after the receipt day
//     (received Monday 09:00, 1 working day → Tuesday 17:00; 0 days → the receipt day's close).
//  3. Half days (N = k + 0.5): counted in half-day sessions (morning until halfDayNoon,
//     afternoon until officeClose); the receipt session is not counted and the deadline is the
//     end of the 2N-th session after it. Received 09:00 + 0.5 → 17:00 the same day; received
//     14:00 + 0.5 → 12:00 the next working day; a deemed receipt (rule 1) is a morning receipt.
//  4. Same day: officeClose of the receipt day.
import { epochDay, hhmmToMs, vnDate, vnInstant, vnMsOfDay, addDays, type IsoDate } from './dates.ts';
import { addWorkingDays, defaultCalendar, isWorkingDay, nextWorkingDay, type WorkCalendar } from './work-calendar.ts';

export type Processing = { workingDays: number } | { sameDay: true };

interface Receipt {
  day: IsoDate;
  afternoon: boolean;
}

function receiptOf(receivedAt: Date, cal: WorkCalendar): Receipt {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('Invalid Date');
  const day = vnDate(receivedAt);
  const ms = vnMsOfDay(receivedAt);
  if (isWorkingDay(day, cal) && ms <= hhmmToMs(cal.cutoff)) {
    return { day, afternoon: ms >= hhmmToMs(cal.halfDayNoon) };
  }
  return { day: nextWorkingDay(day, cal), afternoon: false };
}

/** The working day a dossier counts as received on (rule 1 above). */
export function receiptDay(receivedAt: Date, cal: WorkCalendar = defaultCalendar): IsoDate {
  return receiptOf(receivedAt, cal).day;
}

/** The appointment instant for returning results (rules above). */
export function dueDate(receivedAt: Date, processing: Processing, cal: WorkCalendar = defaultCalendar): Date {
  const receipt = receiptOf(receivedAt, cal);
  if ('sameDay' in processing) return vnInstant(receipt.day, cal.officeClose);
  const n = processing.workingDays;
  if (!(n >= 0) || !Number.isInteger(n * 2)) {
    throw new RangeError(`workingDays must be a non-negative multiple of 0.5, got ${n}`);
  }
  if (Number.isInteger(n)) return vnInstant(addWorkingDays(receipt.day, n, cal), cal.officeClose);
  // Sessions numbered from the receipt day's morning (0); session p ends on day ⌊p/2⌋.
  const last = (receipt.afternoon ? 1 : 0) + n * 2;
  const day = addWorkingDays(receipt.day, Math.floor(last / 2), cal);
  return vnInstant(day, last % 2 === 0 ? cal.halfDayNoon : cal.officeClose);
}

/** How much of its working day has passed at `instant` (0 before opening … 1 after closing), 0 on a day off. */
function dayFraction(instant: Date, cal: WorkCalendar): number {
  if (!isWorkingDay(vnDate(instant), cal)) return 0;
  const [open, noon, close] = [cal.officeOpen, cal.halfDayNoon, cal.officeClose].map(hhmmToMs) as [number, number, number];
  const ms = vnMsOfDay(instant);
  if (ms <= open) return 0;
  if (ms < noon) return (0.5 * (ms - open)) / (noon - open);
  if (ms < close) return 0.5 + (0.5 * (ms - noon)) / (close - noon);
  return 1;
}

/**
 * Working days elapsed from `from` to `to` (negative if `to` is earlier). Each working day counts
 * 1, split into a morning half (officeOpen–halfDayNoon) and an afternoon half (to officeClose),
 * each linear in time; nights, weekends and days off count 0. For reports and 'due soon' checks.
 */
export function workingDaysBetween(from: Date, to: Date, cal: WorkCalendar = defaultCalendar): number {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError('Invalid Date');
  if (to.getTime() < from.getTime()) return -workingDaysBetween(to, from, cal);
  const whole = workingDaysBetweenDates(vnDate(from), vnDate(to), cal);
  return whole - dayFraction(from, cal) + dayFraction(to, cal);
}

/** Working days between two dates, counting `from` but not `to` (negative if `to` is earlier). */
export function workingDaysBetweenDates(from: IsoDate, to: IsoDate, cal: WorkCalendar = defaultCalendar): number {
  if (epochDay(to) < epochDay(from)) return -workingDaysBetweenDates(to, from, cal);
  let count = 0;
  for (let day = from; day < to; day = addDays(day, 1)) if (isWorkingDay(day, cal)) count++;
  return count;
}
