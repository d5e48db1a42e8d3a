// Deadlines (ngày hẹn trả kết quả) and elapsed working time, all in Vietnam time (UTC+7).
//
// Rules:
//  1. Multi-day procedures: the day of receipt is not counted, the period starts the next day
//     (Civil Code 2015 art. 147(1): "thời hạn được xác định bằng ngày … thì ngày đầu tiên của thời
//     hạn không được tính mà tính từ ngày tiếp theo") and ends at the end of its last day
//     (art. 148(1)); days that are not working days are skipped because the procedures' times are
//     given in working days. The time of day does not matter: there is no afternoon cut-off.
//     Received Monday at 09:00 or at 16:30, 1 working day → Tuesday 17:00; received Saturday → the
//     Monday is day 1.
//  2. Half days (N = k + 0.5): counted in half-day sessions (morning until halfDayNoon,
//     afternoon until officeClose); the receipt session is not counted and the deadline is the
//     end of the 2N-th session after it. Received 09:00 + 0.5 → 17:00 the same day; received
//     14:00 + 0.5 → 12:00 the next working day; received after closing or on a day off, the next
//     working day's morning is the first session counted.
//  3. Same-day procedures: the receipt day's close, or the next working day's close when received
//     after the cut-off (15:00) or on a day off. Only these procedures have a cut-off, because only
//     their texts write one: certification (Decree 23/2015/NĐ-CP art. 7(1): "ngay trong ngày … hoặc
//     trong ngày làm việc tiếp theo, nếu tiếp nhận yêu cầu sau 15 giờ") and the civil-status
//     registrations settled at once (Law on Civil Status 2014 and Decree 123/2015/NĐ-CP: "nếu nhận
//     hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo").
//     A province that adopts a general cut-off sets `WorkCalendar.cutoffAllProcedures` with its act.
import { epochDay, hhmmToMs, vnDate, vnInstant, vnMsOfDay, addDays, type IsoDate } from './dates.ts';
import { addWorkingDays, defaultCalendar, isWorkingDay, nextWorkingDay, type WorkCalendar } from './work-calendar.ts';

export type Processing = { workingDays: number } | { sameDay: true };

interface Receipt {
  day: IsoDate;
  afternoon: boolean;
}

/** The start of the count (rules 1–3). `afternoon` also stands for "after closing or on a day off". */
function receiptOf(receivedAt: Date, cal: WorkCalendar, withCutoff: boolean): Receipt {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('Invalid Date');
  const day = vnDate(receivedAt);
  const ms = vnMsOfDay(receivedAt);
  if (withCutoff || cal.cutoffAllProcedures) {
    if (isWorkingDay(day, cal) && ms <= hhmmToMs(cal.cutoff)) return { day, afternoon: ms >= hhmmToMs(cal.halfDayNoon) };
    return { day: nextWorkingDay(day, cal), afternoon: false };
  }
  return { day, afternoon: !isWorkingDayOpen(receivedAt, cal) || ms >= hhmmToMs(cal.halfDayNoon) };
}

/**
 * The working day a same-day dossier counts as received on (rule 3): the receipt day, or the next
 * working day after the cut-off or on a day off.
 */
export function receiptDay(receivedAt: Date, cal: WorkCalendar = defaultCalendar): IsoDate {
  return receiptOf(receivedAt, cal, true).day;
}

/** The appointment instant for returning results (rules above). */
export function dueDate(receivedAt: Date, processing: Processing, cal: WorkCalendar = defaultCalendar): Date {
  if ('sameDay' in processing) return vnInstant(receiptOf(receivedAt, cal, true).day, cal.officeClose);
  const receipt = receiptOf(receivedAt, cal, false);
  const n = processing.workingDays;
  if (!(n >= 0) || !Number.isInteger(n * 2)) {
    throw new RangeError(`workingDays must be a non-negative multiple of 0.5, got ${n}`);
  }
  // 0 working days on a day off or after closing: the next working day's close.
  if (n === 0) return vnInstant(receipt.afternoon && !isWorkingDayOpen(receivedAt, cal) ? nextWorkingDay(receipt.day, cal) : receipt.day, cal.officeClose);
  if (Number.isInteger(n)) return vnInstant(addWorkingDays(receipt.day, n, cal), cal.officeClose);
  // Sessions numbered from the receipt day's morning (0); session p ends on day ⌊p/2⌋.
  const last = (receipt.afternoon ? 1 : 0) + n * 2;
  const day = addWorkingDays(receipt.day, Math.floor(last / 2), cal);
  return vnInstant(day, last % 2 === 0 ? cal.halfDayNoon : cal.officeClose);
}

const isWorkingDayOpen = (instant: Date, cal: WorkCalendar): boolean => isWorkingDay(vnDate(instant), cal) && vnMsOfDay(instant) < hhmmToMs(cal.officeClose);

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
