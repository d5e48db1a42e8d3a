import { describe, expect, it } from 'vitest';
import { holidaysOf, vnDate, workingDaysBetweenDates } from '../calendar/index.ts';
import { FEEDBACK_ANSWER_WORKING_DAYS, feedbackDueAt, feedbackStage, maskDigits } from './feedback.ts';

describe('feedback deadlines on the working-day calendar', () => {
  it('skip the Tết holiday: filed the week before Tết 2027, due well after it', () => {
    const filed = new Date('2027-02-01T09:00:00+07:00'); // Monday; Tết (1/1 lunar) is 6 Feb 2027
    const due = feedbackDueAt(filed);
    const tet = holidaysOf(2027).filter((h) => h.date >= '2027-02-01' && h.date <= vnDate(due));
    expect(tet.length).toBeGreaterThanOrEqual(4);
    // Exactly the answer period in working days, counted from the next day; more than two calendar weeks.
    expect(workingDaysBetweenDates(vnDate(filed), vnDate(due))).toBe(FEEDBACK_ANSWER_WORKING_DAYS);
    expect(due.getTime() - filed.getTime()).toBeGreaterThan(14 * 24 * 3600 * 1000);
    for (const h of tet) expect(vnDate(due)).not.toBe(h.date);
  });

  it('is due soon two working days before, late after, answered once answered', () => {
    const filed = new Date('2026-03-02T09:00:00+07:00');
    const due = feedbackDueAt(filed);
    expect(feedbackStage({ dueAt: due, answeredAt: null }, filed)).toBe('on_time');
    expect(feedbackStage({ dueAt: due, answeredAt: null }, new Date(due.getTime() - 3600_000))).toBe('due_soon');
    expect(feedbackStage({ dueAt: due, answeredAt: null }, new Date(due.getTime() + 60_000))).toBe('late');
    expect(feedbackStage({ dueAt: due, answeredAt: filed }, new Date(due.getTime() + 60_000))).toBe('answered');
  });

  it('masks phone numbers and ID numbers in published text', () => {
    expect(maskDigits('Gọi tôi 0912 345 678, CCCD 089095001234')).toBe('Gọi tôi •••, CCCD •••');
  });
});
