import { addDays, defaultCalendar, holidaysOf, isWorkingDay, weekdayOf, type IsoDate, type WorkCalendar } from '@motcua/core/calendar';
import type { SkippedDay } from '@motcua/core/api';
import type { OutreachRule, SessionPart } from './tables.ts';

/** Pure planning rules: rule expansion and the sentences printed on the public schedule. */

export const PART_HOURS: Record<SessionPart, { startsAt: string; endsAt: string }> = {
  morning: { startsAt: '07:30', endsAt: '11:30' },
  afternoon: { startsAt: '13:30', endsAt: '16:30' },
};

/** A round spans at most a year: longer plans are re-made as local needs change. */
export const MAX_RULE_DAYS = 366;

export interface PlannedSession {
  day: IsoDate;
  part: SessionPart;
}

export type { SkippedDay } from '@motcua/core/api';

function dayOffReason(day: IsoDate, cal: WorkCalendar): { vi: string; en: string } {
  const holiday = holidaysOf(Number(day.slice(0, 4)), cal.holidayChoices).find((h) => h.date === day);
  if (holiday) return { vi: holiday.nameVi, en: holiday.nameEn };
  return { vi: 'Ngày nghỉ theo thông báo', en: 'Announced day off' };
}

/**
 * The dated sessions of a round: every rule weekday in its range that is a working day for state
 * agencies (no outreach team goes out on Tết or an announced day off). Days a rule would have hit but the
 * calendar closes are returned as `skipped`, so the planner sees why a Tuesday is missing.
 * Weekends are never rule weekdays worth skipping silently: a Saturday rule gives only make-up days.
 */
export function expandRules(rules: readonly OutreachRule[], cal: WorkCalendar = defaultCalendar): { sessions: PlannedSession[]; skipped: SkippedDay[] } {
  const seen = new Set<string>();
  const sessions: PlannedSession[] = [];
  const skipped: SkippedDay[] = [];
  for (const rule of rules) {
    const weekdays = new Set(rule.weekdays);
    for (let day = rule.from; day <= rule.to; day = addDays(day, 1)) {
      const weekday = weekdayOf(day);
      if (!weekdays.has(weekday)) continue;
      const key = `${day}/${rule.part}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (isWorkingDay(day, cal)) sessions.push({ day, part: rule.part });
      else if (weekday !== 0 && weekday !== 6) {
        const r = dayOffReason(day, cal);
        skipped.push({ day, part: rule.part, reasonVi: r.vi, reasonEn: r.en });
      }
    }
  }
  const order = (a: PlannedSession, b: PlannedSession) => a.day.localeCompare(b.day) || (a.part === b.part ? 0 : a.part === 'morning' ? -1 : 1);
  return { sessions: sessions.sort(order), skipped: skipped.sort(order) };
}

/** Problems with a rule, in both languages; empty when the rule is usable. */
export function ruleProblems(rule: OutreachRule): { vi: string; en: string }[] {
  const out: { vi: string; en: string }[] = [];
  if (rule.weekdays.length === 0) out.push({ vi: 'Cần chọn ít nhất một thứ trong tuần.', en: 'Pick at least one weekday.' });
  if (rule.to < rule.from) out.push({ vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end date is before the start date.' });
  else if (addDays(rule.from, MAX_RULE_DAYS) < rule.to) out.push({ vi: 'Một đợt kéo dài tối đa một năm.', en: 'A round spans at most one year.' });
  return out;
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayVi(day: IsoDate): string {
  return WEEKDAY_VI[weekdayOf(day)]!;
}

/** 'dd/mm/yyyy', as dates are written on Vietnamese notices. */
export function dmy(day: IsoDate): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** "sáng thứ Ba 01/12/2026" */
export function whenVi(day: IsoDate, part: SessionPart): string {
  return `${part === 'morning' ? 'sáng' : 'chiều'} ${weekdayVi(day)} ${dmy(day)}`;
}

export function whenEn(day: IsoDate, part: SessionPart): string {
  return `${WEEKDAY_EN[weekdayOf(day)]} ${part} ${dmy(day)}`;
}

/** "Ấp Long Hòa 1" reads "ấp Long Hòa 1" inside a sentence: the kind word is a common noun. */
export function inSentence(hamletName: string): string {
  return hamletName.replace(/^(Ấp|Thôn|Bản|Buôn|Khóm|Làng|Tổ dân phố|Sóc|Phum)(?=\s)/u, (w) => w.toLowerCase());
}

function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}

/** "Tổ tiếp nhận lưu động sẽ đến ấp Long Hòa 1 vào sáng thứ Ba 01/12/2026" (+ English). */
export function announcement(day: IsoDate, part: SessionPart, hamletNames: string[]): { vi: string; en: string } {
  const places = hamletNames.map(inSentence);
  return {
    vi: `Tổ tiếp nhận lưu động sẽ đến ${joinVi(places)} vào ${whenVi(day, part)}`,
    en: `The mobile intake team will visit ${hamletNames.join(', ')} on ${whenEn(day, part)}`,
  };
}
