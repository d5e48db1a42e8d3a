// Which Vietnam dates are working days for state agencies, and stepping over them.
import { announcedAdjustments, announcedHolidayChoices } from './adjustments.ts';
import { addDays, epochDay, hhmmToMs, weekdayOf, type IsoDate } from './dates.ts';
import { holidaysOf, type HolidayChoice, type HolidayChoices } from './holidays.ts';

export interface WorkCalendar {
  /** Announced extra days off (bridges, local decisions). */
  extraDaysOff: IsoDate[];
  /** Days that are working days whatever else applies (a Saturday worked to bridge a holiday). */
  makeUpWorkingDays: IsoDate[];
  /** Per-year Prime Minister's choices of the Tết days and the National Day adjacent day. */
  holidayChoices: HolidayChoices;
  /**
   * 'HH:MM'; a same-day dossier received after it is due the next working day (Decree 23/2015/NĐ-CP
   * art. 7(1) for certification; the civil-status texts for registrations settled at once). Default '15:00'.
   */
  cutoff: string;
  /**
   * A province's own rule applying the cut-off to every procedure (multi-day ones then count from the
   * next working day when received after it). Off by default: no national text says so; a province
   * that adopts one names its act in its configuration.
   */
  cutoffAllProcedures?: boolean;
  /**
   * Years whose days off and make-up days have been announced (the Prime Minister's choices and the
   * Ministry of Home Affairs' notice). Other years are provisional: computed from the Labour Code
   * alone, so a deadline in them may move when the year is announced.
   */
  announcedYears: number[];
  /** 'HH:MM' start of the working day, used only to measure fractions of a day. Default '07:30'. */
  officeOpen: string;
  /** 'HH:MM' end of the morning session (half-day deadlines). Default '12:00'. */
  halfDayNoon: string;
  /** 'HH:MM' end of the working day: whole-day deadlines fall here. Default '17:00'. */
  officeClose: string;
}

/** Statutory holidays only: no announced adjustments. A base for servers that ship their own data. */
export const baseCalendar: Readonly<WorkCalendar> = Object.freeze({
  extraDaysOff: [],
  makeUpWorkingDays: [],
  holidayChoices: {},
  announcedYears: [],
  cutoff: '15:00',
  officeOpen: '07:30',
  halfDayNoon: '12:00',
  officeClose: '17:00',
});

const years = Object.values(announcedAdjustments);

/** Statutory holidays plus the adjustments announced for 2025–2026. */
export const defaultCalendar: Readonly<WorkCalendar> = Object.freeze({
  ...baseCalendar,
  extraDaysOff: years.flatMap((y) => y.extraDaysOff),
  makeUpWorkingDays: years.flatMap((y) => y.makeUpWorkingDays),
  holidayChoices: announcedHolidayChoices,
  announcedYears: Object.keys(announcedAdjustments).map(Number),
});

/**
 * A calendar from `base` (default: defaultCalendar) and `overrides`. Day lists are added to the
 * base's (to cancel a base day off, list it in makeUpWorkingDays, which always wins);
 * holidayChoices merge per year; times replace. Throws RangeError on malformed dates or times.
 */
export function makeCalendar(overrides: Partial<WorkCalendar>, base: WorkCalendar = defaultCalendar): WorkCalendar {
  const union = (a: IsoDate[], b: IsoDate[] = []): IsoDate[] => [...new Set([...a, ...b])].sort();
  const choices: Record<number, HolidayChoice> = { ...base.holidayChoices };
  for (const [year, choice] of Object.entries(overrides.holidayChoices ?? {})) {
    choices[Number(year)] = { ...base.holidayChoices[Number(year)], ...choice };
  }
  const cal: WorkCalendar = {
    ...base,
    ...overrides,
    extraDaysOff: union(base.extraDaysOff, overrides.extraDaysOff),
    makeUpWorkingDays: union(base.makeUpWorkingDays, overrides.makeUpWorkingDays),
    announcedYears: [...new Set([...base.announcedYears, ...(overrides.announcedYears ?? [])])].sort((a, b) => a - b),
    holidayChoices: choices,
  };
  [...cal.extraDaysOff, ...cal.makeUpWorkingDays].forEach(epochDay);
  const [open, noon, cutoff, close] = [cal.officeOpen, cal.halfDayNoon, cal.cutoff, cal.officeClose].map(hhmmToMs);
  if (!(open! < noon! && noon! < close! && cutoff! <= close!)) {
    throw new RangeError('Expected officeOpen < halfDayNoon < officeClose and cutoff <= officeClose');
  }
  return cal;
}

// Lookup sets per calendar object, so hot loops do not rescan the arrays.
interface Index {
  off: Set<IsoDate>;
  makeUp: Set<IsoDate>;
  holidays: Map<number, Set<IsoDate>>;
}
const indexes = new WeakMap<WorkCalendar, Index>();

function indexOf(cal: WorkCalendar): Index {
  let index = indexes.get(cal);
  if (!index) {
    index = { off: new Set(cal.extraDaysOff), makeUp: new Set(cal.makeUpWorkingDays), holidays: new Map() };
    indexes.set(cal, index);
  }
  return index;
}

/** Whether `day` falls in a year whose schedule is not announced yet (its working days may change). */
export function isProvisional(day: IsoDate, cal: WorkCalendar = defaultCalendar): boolean {
  return !cal.announcedYears.includes(Number(day.slice(0, 4)));
}

/** Mon–Fri, not a holiday, compensatory day or extra day off; a make-up day is always a working day. */
export function isWorkingDay(day: IsoDate, cal: WorkCalendar = defaultCalendar): boolean {
  const index = indexOf(cal);
  if (index.makeUp.has(day)) return true;
  const weekday = weekdayOf(day); // also validates `day`
  if (weekday === 0 || weekday === 6 || index.off.has(day)) return false;
  const year = Number(day.slice(0, 4));
  let holidays = index.holidays.get(year);
  if (!holidays) {
    holidays = new Set(holidaysOf(year, cal.holidayChoices).map((h) => h.date));
    index.holidays.set(year, holidays);
  }
  return !holidays.has(day);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: IsoDate, cal: WorkCalendar = defaultCalendar): IsoDate {
  return addWorkingDays(day, 1, cal);
}

/**
 * The n-th working day after `day` (before it for negative n); `day` itself need not be a working
 * day and is never counted. n = 0 returns `day` unchanged.
 */
export function addWorkingDays(day: IsoDate, n: number, cal: WorkCalendar = defaultCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let current = day;
  epochDay(current);
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current, cal)) left--;
  }
  return current;
}
