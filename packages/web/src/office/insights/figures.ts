import { addDays, vnDate } from '@motcua/core/calendar';

export interface Period {
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** This month in Vietnam so far: the 1st to today. */
export function thisMonth(now: Date): Period {
  const today = vnDate(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The whole previous month in Vietnam. */
export function lastMonth(now: Date): Period {
  const end = addDays(`${vnDate(now).slice(0, 7)}-01`, -1);
  return { from: `${end.slice(0, 7)}-01`, to: end };
}

/** The period in the address bar (?tu=&den=), else this month; a reversed or broken one is ignored. */
export function periodFrom(params: URLSearchParams, now: Date): Period {
  const from = params.get('tu') ?? '';
  const to = params.get('den') ?? '';
  if (ISO_DATE.test(from) && ISO_DATE.test(to) && from <= to) return { from, to };
  return thisMonth(now);
}

/**
 * A share as a whole percent that never tells a leader "100%" when one case was missed, nor "0%"
 * when there was one: 559 of 560 is 99%, 1 of 560 is 1%.
 */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const p = Math.round((part / whole) * 100);
  if (part < whole && p === 100) return 99;
  if (part > 0 && p === 0) return 1;
  return p;
}

/** "476/560 = 85%", numbers written the reader's way; "—" when there is nothing to divide. */
export function ratioText(part: number, whole: number, numbers: Intl.NumberFormat): string {
  const p = percent(part, whole);
  return p === null ? '—' : `${numbers.format(part)}/${numbers.format(whole)} = ${p}%`;
}

/** Bar length for a share, as a CSS width; at least a sliver when non-zero, so it is visible. */
export function barWidth(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return '0%';
  return `${Math.max(2, Math.min(100, (part / whole) * 100)).toFixed(1)}%`;
}

/** Which unit codes an official can read figures for: communes (5 digits) and provinces (2). */
export function insightUnits(unitCodes: readonly string[]): string[] {
  return unitCodes.filter((code) => /^\d{2}(\d{3})?$/.test(code));
}
