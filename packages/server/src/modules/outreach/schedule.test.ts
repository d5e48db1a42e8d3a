import { describe, expect, it } from 'vitest';
import { makeCalendar } from '@motcua/core/calendar';
import { announcement, expandRules, inSentence, ruleProblems } from './schedule.ts';

describe('outreach rule expansion', () => {
  it('gives Tuesday and Thursday mornings, skipping an announced day off and naming it', () => {
    const { sessions, skipped } = expandRules([{ weekdays: [2, 4], part: 'morning', from: '2026-12-28', to: '2027-01-08' }]);
    expect(sessions.map((s) => s.day)).toEqual(['2026-12-29', '2026-12-31', '2027-01-05', '2027-01-07']);
    expect(skipped).toEqual([]);
    const { sessions: around, skipped: tet } = expandRules([{ weekdays: [2, 4], part: 'morning', from: '2026-02-09', to: '2026-02-27' }]);
    expect(around.map((s) => s.day)).toEqual(['2026-02-10', '2026-02-12', '2026-02-24', '2026-02-26']);
    expect(tet.map((s) => s.day)).toEqual(['2026-02-17', '2026-02-19']);
    expect(tet[0]!.reasonVi).toMatch(/Tết/);
  });

  it('keeps 24/11 (Culture Day is not an enacted day off) unless a calendar announces it', () => {
    const rule = [{ weekdays: [2, 4], part: 'morning' as const, from: '2026-11-23', to: '2026-12-04' }];
    expect(expandRules(rule).sessions.map((s) => s.day)).toEqual(['2026-11-24', '2026-11-26', '2026-12-01', '2026-12-03']);
    const announced = expandRules(rule, makeCalendar({ extraDaysOff: ['2026-11-24'] }));
    expect(announced.skipped).toMatchObject([{ day: '2026-11-24', part: 'morning', reasonVi: 'Ngày nghỉ theo thông báo' }]);
  });

  it('skips the National Day holiday and Reunification Day, keeps the working days around them', () => {
    const { sessions, skipped } = expandRules([{ weekdays: [2, 4], part: 'afternoon', from: '2026-04-27', to: '2026-09-04' }]);
    const days = sessions.map((s) => s.day);
    expect(days).not.toContain('2026-04-30');
    expect(days).not.toContain('2026-09-01');
    expect(days).toContain('2026-04-28');
    expect(days).toContain('2026-09-03');
    expect(skipped.map((s) => s.day)).toEqual(expect.arrayContaining(['2026-04-30', '2026-09-01']));
  });

  it('follows a local calendar: an announced day off is skipped, a make-up Saturday is kept', () => {
    const cal = makeCalendar({ extraDaysOff: ['2026-12-03'], makeUpWorkingDays: ['2026-12-05'] });
    const { sessions } = expandRules([{ weekdays: [4, 6], part: 'morning', from: '2026-11-30', to: '2026-12-06' }], cal);
    expect(sessions.map((s) => s.day)).toEqual(['2026-12-05']);
  });

  it('merges overlapping rules without duplicates and orders morning before afternoon', () => {
    const { sessions } = expandRules([
      { weekdays: [2], part: 'afternoon', from: '2026-12-01', to: '2026-12-01' },
      { weekdays: [2, 4], part: 'morning', from: '2026-12-01', to: '2026-12-03' },
      { weekdays: [2], part: 'morning', from: '2026-12-01', to: '2026-12-08' },
    ]);
    expect(sessions).toEqual([
      { day: '2026-12-01', part: 'morning' },
      { day: '2026-12-01', part: 'afternoon' },
      { day: '2026-12-03', part: 'morning' },
      { day: '2026-12-08', part: 'morning' },
    ]);
  });

  it('refuses empty or reversed rules', () => {
    expect(ruleProblems({ weekdays: [], part: 'morning', from: '2026-12-01', to: '2026-12-02' })).toHaveLength(1);
    expect(ruleProblems({ weekdays: [1], part: 'morning', from: '2026-12-02', to: '2026-12-01' })).toHaveLength(1);
    expect(ruleProblems({ weekdays: [1], part: 'morning', from: '2026-01-01', to: '2027-06-01' })).toHaveLength(1);
    expect(ruleProblems({ weekdays: [1], part: 'morning', from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });
});

describe('public announcement', () => {
  it('reads as a Vietnamese notice', () => {
    expect(announcement('2026-12-01', 'morning', ['Ấp Long Hòa 1']).vi).toBe('Tổ tiếp nhận lưu động sẽ đến ấp Long Hòa 1 vào sáng thứ Ba 01/12/2026');
    expect(announcement('2026-12-03', 'afternoon', ['Ấp Phú Long 1', 'Ấp Phú Long 2', 'Thôn Đông']).vi).toBe(
      'Tổ tiếp nhận lưu động sẽ đến ấp Phú Long 1, ấp Phú Long 2 và thôn Đông vào chiều thứ Năm 03/12/2026',
    );
    expect(inSentence('Tổ dân phố 3')).toBe('tổ dân phố 3');
  });
});
