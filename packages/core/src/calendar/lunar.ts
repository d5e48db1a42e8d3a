// Vietnamese lunisolar calendar after Hồ Ngọc Đức's public algorithm
// ("Thuật toán tính âm lịch"): astronomical new moons (Meeus' series) and solar terms,
// evaluated at the local meridian. Vietnam uses UTC+7; China's calendar uses UTC+8, which
// is why Tết sometimes differs by a day or a month (e.g. 1985, 2030).
import { epochDay, fromEpochDay, type IsoDate } from './dates.ts';

export interface LunarDate {
  day: number;
  month: number; // 1–12
  year: number; // Gregorian number of the year that begins at Tết, e.g. 2026 = Bính Ngọ
  leap: boolean; // true for the intercalary (nhuận) month
}

export const VIETNAM_TIME_ZONE = 7;

const JD_UNIX_EPOCH = 2_440_588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_1900 = 2_415_021.076998695; // Julian date of the new moon of 1900-01-01
const DR = Math.PI / 180;
const INT = Math.floor;

const jdOf = (day: IsoDate): number => epochDay(day) + JD_UNIX_EPOCH;
const isoOfJd = (jd: number): IsoDate => fromEpochDay(jd - JD_UNIX_EPOCH);

/** Julian date of the k-th new moon after 1900-01-01 (fractional, Universal Time). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at Julian date `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - Math.PI * 2 * INT(L / (Math.PI * 2));
}

/** Local Julian day number on which the k-th new moon falls. */
const newMoonDay = (k: number, tz: number): number => INT(newMoon(k) + 0.5 + tz / 24);

/** Sun's longitude at local midnight starting day `jdn`, as a major-term index 0–11 (30° each). */
const sunTerm = (jdn: number, tz: number): number => INT((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);

/** Julian day number on which lunar month 11 (the month containing the winter solstice) of `year` begins. */
function month11Start(year: number, tz: number): number {
  const off = jdOf(`${String(year).padStart(4, '0')}-12-31`) - 2415021;
  const k = INT(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunTerm(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year starting at month 11 (`a11`), the offset of the first month without a major term. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunTerm(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunTerm(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Lunar date of a solar (Gregorian) date; `timeZone` in hours, Vietnam (7) by default. */
export function solarToLunar(date: IsoDate, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  const tz = timeZone;
  const dayNumber = jdOf(date);
  const yy = Number(date.slice(0, 4));
  // Step back from the mean-moon estimate. The published code steps back once only, which
  // yields day 0 when the true new moon lags the mean one (e.g. 2054-05-07, 2062-04-09).
  let k = INT((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, tz);
  while (monthStart > dayNumber) monthStart = newMoonDay(--k, tz);
  let a11 = month11Start(yy, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = month11Start(yy - 1, tz);
  } else {
    year = yy + 1;
    b11 = month11Start(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** Month number (1–12) of the leap month at `offset` months after month 11 (offset 1 → leap 11). */
const leapMonthAt = (offset: number): number => ((offset + 9) % 12) + 1;

/** The leap month of lunar `year` (1–12), or null when the year has 12 months. */
export function leapMonthOf(year: number, timeZone: number = VIETNAM_TIME_ZONE): number | null {
  // Months 1–10 of `year` sit between month 11 of year-1 and month 11 of year; months 11–12 after that.
  const [a, b, c] = [year - 1, year, year + 1].map((y) => month11Start(y, timeZone)) as [number, number, number];
  if (b - a > 365) {
    const offset = leapMonthOffset(a, timeZone);
    if (offset >= 3) return leapMonthAt(offset);
  }
  if (c - b > 365) {
    const offset = leapMonthOffset(b, timeZone);
    if (offset <= 2) return leapMonthAt(offset);
  }
  return null;
}

/**
 * Solar date of a lunar date; throws RangeError for a lunar date that does not exist
 * (day 30 of a 29-day month, or a leap flag on a month that is not the leap month).
 */
export function lunarToSolar(lunar: { day: number; month: number; year: number; leap?: boolean }, timeZone: number = VIETNAM_TIME_ZONE): IsoDate {
  const tz = timeZone;
  const { day, month, year } = lunar;
  const leap = lunar.leap ?? false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Invalid lunar date ${day}/${month}/${year}`);
  }
  const [a11, b11] = month < 11 ? [month11Start(year - 1, tz), month11Start(year, tz)] : [month11Start(year, tz), month11Start(year + 1, tz)];
  const k = INT(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    // Hồ Ngọc Đức's published code maps offset 2 to month 0; month 12 is meant.
    if (leap && month !== leapMonthAt(leapOff)) throw new RangeError(`Lunar ${month}/${year} has no leap month`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar ${month}/${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off, tz);
  const length = newMoonDay(k + off + 1, tz) - monthStart;
  if (day > length) throw new RangeError(`Lunar month ${month}/${year} has only ${length} days`);
  return isoOfJd(monthStart + day - 1);
}

/** Tết (1/1 lunar) of `year`. */
export const tetOf = (year: number, timeZone: number = VIETNAM_TIME_ZONE): IsoDate => lunarToSolar({ day: 1, month: 1, year }, timeZone);
