import { describe, expect, it } from 'vitest';
import { announcementConflict, calendarWith } from './announcements.ts';
import { defaultCalendar, isProvisional, isWorkingDay } from './work-calendar.ts';

describe('holiday announcements', () => {
  it('a day off on a working day is accepted and makes the day off; its year is announced', () => {
    // Culture Day 24/11/2027 (a Wednesday): only once a law makes it a day off (issue 12).
    expect(isProvisional('2027-11-24', defaultCalendar)).toBe(true);
    expect(announcementConflict({ day: '2027-11-24', kind: 'day_off' }, defaultCalendar)).toBeNull();
    const cal = calendarWith(defaultCalendar, [{ day: '2027-11-24', kind: 'day_off' }]);
    expect(isWorkingDay('2027-11-24', cal)).toBe(false);
    expect(isProvisional('2027-11-24', cal)).toBe(false);
    expect(isProvisional('2028-01-03', cal)).toBe(true);
  });

  it('refuses a day off on a holiday or weekend, and a make-up day on a working day', () => {
    // 2/9/2027 is National Day (Labour Code art. 112(1)(đ)); 27/11/2027 a Saturday; 24/11/2027 a Wednesday.
    expect(announcementConflict({ day: '2027-09-02', kind: 'day_off' }, defaultCalendar)).toBe('already_off');
    expect(announcementConflict({ day: '2027-11-27', kind: 'day_off' }, defaultCalendar)).toBe('already_off');
    expect(announcementConflict({ day: '2027-11-24', kind: 'make_up' }, defaultCalendar)).toBe('already_working');
    expect(announcementConflict({ day: '2027-11-27', kind: 'make_up' }, defaultCalendar)).toBeNull();
  });

  it('a make-up Saturday becomes a working day', () => {
    const cal = calendarWith(defaultCalendar, [{ day: '2027-11-27', kind: 'make_up' }]);
    expect(isWorkingDay('2027-11-27', cal)).toBe(true);
  });

  it('rejects a malformed date', () => {
    expect(() => announcementConflict({ day: '2027-02-30', kind: 'day_off' }, defaultCalendar)).toThrow(RangeError);
  });
});
