import { dueDate, type WorkCalendar, defaultCalendar, workingDaysBetween } from '../calendar/index.ts';

/**
 * Feedback and complaints (phản ánh, kiến nghị — PAKN) about a procedure, a dossier or an
 * official's conduct, under Decree 20/2008/NĐ-CP (amended by Decree 92/2017/NĐ-CP) on receiving and handling feedback on
 * administrative regulations.
 *
 * The answer period below is Motcua's default service commitment, counted in working days on the
 * national calendar (Tết and swapped days included). The decree's own periods and the article
 * fixing them could not be confirmed from the sources searched (docs/rules.md), so this is not
 * presented as the legal deadline and no article is cited.
 */
export const FEEDBACK_ANSWER_WORKING_DAYS = 10;
/** A reminder goes to the unit when this many working days or fewer are left. */
export const FEEDBACK_REMIND_WORKING_DAYS = 2;

export const FEEDBACK_TOPICS = ['procedure', 'dossier', 'conduct', 'other'] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const FEEDBACK_TOPIC_LABEL: Record<FeedbackTopic, { vi: string; en: string }> = {
  procedure: { vi: 'Về quy định, thủ tục hành chính', en: 'About a procedure or regulation' },
  dossier: { vi: 'Về việc giải quyết một hồ sơ', en: 'About the handling of a dossier' },
  conduct: { vi: 'Về thái độ, hành vi của cán bộ', en: "About an official's conduct" },
  other: { vi: 'Khác', en: 'Other' },
};

export const feedbackDueAt = (receivedAt: Date, cal: WorkCalendar = defaultCalendar): Date =>
  dueDate(receivedAt, { workingDays: FEEDBACK_ANSWER_WORKING_DAYS }, cal);

export type FeedbackStage = 'answered' | 'on_time' | 'due_soon' | 'late';

/** Where an item stands at `now`: what decides a reminder (due soon) and an escalation (late). */
export function feedbackStage(item: { dueAt: Date; answeredAt: Date | null }, now: Date, cal: WorkCalendar = defaultCalendar): FeedbackStage {
  if (item.answeredAt) return 'answered';
  if (now.getTime() > item.dueAt.getTime()) return 'late';
  return workingDaysBetween(now, item.dueAt, cal) <= FEEDBACK_REMIND_WORKING_DAYS ? 'due_soon' : 'on_time';
}

/** Published answers show no personal data: runs of digits (phones, CCCD, dossier codes) are masked. */
export const maskDigits = (text: string): string => text.replace(/\d[\d\s.-]{5,}\d/g, '•••');
