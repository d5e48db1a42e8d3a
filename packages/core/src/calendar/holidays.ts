// Public holidays under Labour Code 2019 art. 112, with the compensatory days of art. 112(3).
import { addDays, isoDate, weekdayOf, type IsoDate } from './dates.ts';
import { announcedHolidayChoices } from './adjustments.ts';
import { lunarToSolar, solarToLunar, tetOf } from './lunar.ts';

export interface Holiday {
  date: IsoDate;
  nameVi: string;
  nameEn: string;
  kind: 'holiday' | 'compensatory';
}

/**
 * Choices the law leaves to the Prime Minister for one year (art. 112(1)-(2)):
 * how many of the 5 Tết days fall before 1/1 lunar, and which day adjoins 2/9.
 */
export interface HolidayChoice {
  /** Tết days before 1/1 lunar (0–5); default 1, i.e. the last day of the year + 1–4 tháng Giêng. */
  tetDaysBefore?: number;
  /** The National Day day beside 2/9: 'before' = 1/9, 'after' = 3/9; default: defaultNationalDayAdjacent(year). */
  nationalDayAdjacent?: 'before' | 'after';
}

/** Per-year holiday choices keyed by Gregorian year (= lunar year of that Tết). */
export type HolidayChoices = Readonly<Record<number, HolidayChoice>>;

/*
 * Vietnamese Culture Day (24/11) is NOT in this list: Politburo Resolution 80-NQ/TW chose the day and
 * Government Resolution 30/NQ-CP (2026) ordered an amendment of art. 112(1) to make it a paid
 * holiday, but no enacted amendment has been found. Until one is, a year's day off on 24/11 is an
 * announcement (WorkCalendar.extraDaysOff with its source), not a statutory holiday.
 */

/**
 * The National Day adjacent day when the year's choice is not announced. Art. 112(1)(đ) gives "02
 * ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau)" and the Prime Minister picks
 * the side; the announcements pick the day that joins the weekend: 2/9 on a Thursday → Friday 3/9
 * (2021), on a Monday → Tuesday 3/9 (2024), otherwise 1/9 (2022 Fri, 2023 Sat, 2025 Tue, 2026 Wed).
 */
export function defaultNationalDayAdjacent(year: number): 'before' | 'after' {
  const weekday = weekdayOf(isoDate(year, 9, 2));
  return weekday === 1 || weekday === 4 ? 'after' : 'before';
}

const isWeekend = (day: IsoDate): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

function tetDays(year: number, before: number): Holiday[] {
  if (!Number.isInteger(before) || before < 0 || before > 5) {
    throw new RangeError(`tetDaysBefore must be an integer 0–5, got ${before}`);
  }
  const tet = tetOf(year);
  const days: Holiday[] = [];
  for (let i = -before; i < 5 - before; i++) {
    const date = addDays(tet, i);
    // The last month may have 29 or 30 days (or be a leap month), so read the lunar day back.
    const lunarDay = i < 0 ? solarToLunar(date).day : i + 1;
    const [vi, en] =
      i < 0
        ? [`${lunarDay} tháng Chạp${i === -1 ? ' (ngày cuối năm)' : ''}`, `12th lunar month, day ${lunarDay}${i === -1 ? ' (last day of the year)' : ''}`]
        : [`mùng ${lunarDay} tháng Giêng`, `1st lunar month, day ${lunarDay}`];
    days.push({ date, nameVi: `Tết Âm lịch – ${vi}`, nameEn: `Lunar New Year (Tết) – ${en}`, kind: 'holiday' });
  }
  return days;
}

/** The statutory holidays of `year`, before compensation, in date order. */
function statutoryHolidays(year: number, choice: HolidayChoice): Holiday[] {
  const h = (date: IsoDate, nameVi: string, nameEn: string): Holiday => ({ date, nameVi, nameEn, kind: 'holiday' });
  const nationalDayExtra = (choice.nationalDayAdjacent ?? defaultNationalDayAdjacent(year)) === 'after' ? 3 : 1;
  const list: Holiday[] = [
    h(isoDate(year, 1, 1), 'Tết Dương lịch', "New Year's Day"),
    ...tetDays(year, choice.tetDaysBefore ?? 1),
    h(lunarToSolar({ day: 10, month: 3, year }), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day"),
    h(isoDate(year, 4, 30), 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'),
    h(isoDate(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day'),
    h(isoDate(year, 9, 2), 'Quốc khánh (2/9)', 'National Day'),
    h(isoDate(year, 9, nationalDayExtra), `Quốc khánh – ngày liền kề (${nationalDayExtra}/9)`, 'National Day – adjacent day'),
  ];
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Art. 112(3): a holiday on the weekly rest day (Saturday/Sunday for state agencies) is made up
 * on the next working day. We also compensate a holiday that coincides with another holiday
 * (e.g. Hùng Kings' day on 30/4 in a year with a late leap month), so that no paid day is lost.
 * Compensatory days skip weekends, holidays and earlier compensatory days.
 */
function withCompensation(holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((x) => x.date));
  const seen = new Set<IsoDate>();
  const result: Holiday[] = [...holidays];
  for (const holiday of holidays) {
    const clash = seen.has(holiday.date);
    seen.add(holiday.date);
    if (!clash && !isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({
      date: day,
      nameVi: `Nghỉ bù: ${holiday.nameVi}`,
      nameEn: `Compensatory day off: ${holiday.nameEn}`,
      kind: 'compensatory',
    });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<string, readonly Holiday[]>();

/**
 * Holidays and compensatory days off of `year` in date order. `choices` defaults to the
 * Prime Minister's announced choices (see adjustments.ts); pass `{}` for the plain defaults.
 */
export function holidaysOf(year: number, choices: HolidayChoices = announcedHolidayChoices): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new RangeError(`holidaysOf supports years 1900–2199, got ${year}`);
  }
  const choice = choices[year] ?? {};
  const key = `${year}|${choice.tetDaysBefore ?? 1}|${choice.nationalDayAdjacent ?? defaultNationalDayAdjacent(year)}`;
  let list = cache.get(key);
  if (!list) {
    list = Object.freeze(withCompensation(statutoryHolidays(year, choice)).map((x) => Object.freeze(x)));
    cache.set(key, list);
  }
  return [...list];
}
