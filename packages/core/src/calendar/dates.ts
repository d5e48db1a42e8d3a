// Civil dates and Vietnam-time conversions. Vietnam has used UTC+7 without DST since 1975,
// so every conversion is plain arithmetic on UTC getters: the host time zone never matters.

/** A civil date 'YYYY-MM-DD' (in this module: a date in Vietnam, UTC+7). */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Days since 1970-01-01 for a valid IsoDate; throws RangeError on anything else (e.g. '2026-02-30'). */
export function epochDay(day: IsoDate): number {
  const m = ISO_DATE.exec(day);
  if (!m) throw new RangeError(`Not an IsoDate (YYYY-MM-DD): ${JSON.stringify(day)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, does not map years 0–99 to 1900–1999
  const t = back.getTime();
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`No such date: ${day}`);
  }
  return Math.round(t / DAY_MS);
}

export function fromEpochDay(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function addDays(day: IsoDate, n: number): IsoDate {
  return fromEpochDay(epochDay(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay(day) + 4) % 7) + 7) % 7;
}

/** 'HH:MM' → milliseconds after midnight; throws RangeError on malformed input. */
export function hhmmToMs(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`Not a time of day (HH:MM): ${JSON.stringify(hhmm)}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

/** The Vietnam calendar date of an instant. */
export function vnDate(instant: Date): IsoDate {
  return fromEpochDay(Math.floor((instant.getTime() + VN_OFFSET_MS) / DAY_MS));
}

/** Milliseconds since Vietnam midnight of the instant's Vietnam date. */
export function vnMsOfDay(instant: Date): number {
  const shifted = instant.getTime() + VN_OFFSET_MS;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

/** ISO 8601 in Vietnam time, e.g. '2026-02-13T15:30:00+07:00' (milliseconds only when non-zero). */
export function vnIso(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const s = new Date(t + VN_OFFSET_MS).toISOString(); // 'YYYY-MM-DDTHH:MM:SS.sssZ' in VN wall time
  const ms = s.slice(19, 23);
  return `${s.slice(0, 19)}${ms === '.000' ? '' : ms}+07:00`;
}

/** The instant at wall-clock time `hhmm` ('HH:MM') on `date` in Vietnam. */
export function vnInstant(date: IsoDate, hhmm: string): Date {
  return new Date(epochDay(date) * DAY_MS + hhmmToMs(hhmm) - VN_OFFSET_MS);
}
