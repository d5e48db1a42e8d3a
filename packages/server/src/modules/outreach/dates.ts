import { addDays } from '@motcua/core/calendar';

export const addDaysIso = addDays;

/** Whole days from one 'YYYY-MM-DD' to another (negative when `to` is earlier). */
export function epochDayDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
