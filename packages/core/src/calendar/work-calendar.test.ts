import { describe, expect, it } from 'vitest';
import { addWorkingDays, baseCalendar, defaultCalendar, isProvisional, isWorkingDay, makeCalendar, nextWorkingDay } from './work-calendar.ts';

describe('isWorkingDay', () => {
  it('weekdays work, weekends and holidays do not', () => {
    expect(isWorkingDay('2026-02-13', defaultCalendar)).toBe(true); // Friday
    expect(isWorkingDay('2026-02-14', defaultCalendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-16', defaultCalendar)).toBe(false); // 29 tháng Chạp
    expect(isWorkingDay('2026-04-27', defaultCalendar)).toBe(false); // compensatory for Sunday 26/4
    expect(isWorkingDay('2026-11-24', defaultCalendar)).toBe(true); // Culture Day: no enacted day off (holidays.ts)
    expect(isWorkingDay('2026-11-25', defaultCalendar)).toBe(true);
  });

  it('applies the announced adjustments of 2025 and 2026', () => {
    expect(isWorkingDay('2025-05-02', defaultCalendar)).toBe(false); // Friday bridged
    expect(isWorkingDay('2025-04-26', defaultCalendar)).toBe(true); // Saturday make-up
    expect(isWorkingDay('2026-01-02', defaultCalendar)).toBe(false);
    expect(isWorkingDay('2026-01-10', defaultCalendar)).toBe(true);
    expect(isWorkingDay('2026-08-31', defaultCalendar)).toBe(false);
    expect(isWorkingDay('2026-08-22', defaultCalendar)).toBe(true);
    expect(isWorkingDay('2025-02-03', defaultCalendar)).toBe(true); // no compensatory day in 2025's Tết
    // Without the announcements, statutory rules alone.
    expect(isWorkingDay('2025-05-02', baseCalendar)).toBe(true);
    expect(isWorkingDay('2025-04-26', baseCalendar)).toBe(false);
    expect(isWorkingDay('2025-02-03', baseCalendar)).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30', defaultCalendar)).toThrow(RangeError);
    expect(() => isWorkingDay('13/02/2026', defaultCalendar)).toThrow(RangeError);
  });
});

describe('makeCalendar', () => {
  it('extends the announced days and lets make-up days override any day off', () => {
    const cal = makeCalendar({ extraDaysOff: ['2026-03-02'], makeUpWorkingDays: ['2026-02-20', '2026-03-07'] });
    expect(isWorkingDay('2026-03-02', cal)).toBe(false);
    expect(isWorkingDay('2026-01-02', cal)).toBe(false); // still has the announced bridge
    expect(isWorkingDay('2026-02-20', cal)).toBe(true); // mùng 4 worked, by local decision
    expect(isWorkingDay('2026-03-07', cal)).toBe(true); // Saturday
    expect(cal.cutoff).toBe('15:00');
  });

  it('merges holiday choices per year and replaces times', () => {
    const cal = makeCalendar({ holidayChoices: { 2027: { nationalDayAdjacent: 'after' } }, cutoff: '16:00' });
    expect(isWorkingDay('2027-09-03', cal)).toBe(false);
    expect(isWorkingDay('2027-09-01', cal)).toBe(true);
    expect(cal.holidayChoices[2025]).toEqual(defaultCalendar.holidayChoices[2025]);
    expect(cal.cutoff).toBe('16:00');
  });

  it('starts from another base when asked', () => {
    const cal = makeCalendar({ extraDaysOff: ['2026-03-02'] }, baseCalendar);
    expect(isWorkingDay('2026-01-02', cal)).toBe(true);
    expect(isWorkingDay('2026-03-02', cal)).toBe(false);
  });

  it('validates dates and times', () => {
    expect(() => makeCalendar({ extraDaysOff: ['2026-2-3'] })).toThrow(RangeError);
    expect(() => makeCalendar({ cutoff: '25:00' })).toThrow(RangeError);
    expect(() => makeCalendar({ halfDayNoon: '18:00' })).toThrow(RangeError);
  });
});

describe('stepping over working days', () => {
  it('nextWorkingDay skips Tết 2026 and weekends', () => {
    expect(nextWorkingDay('2026-02-13', defaultCalendar)).toBe('2026-02-23');
    expect(nextWorkingDay('2026-02-16', defaultCalendar)).toBe('2026-02-23');
    expect(nextWorkingDay('2026-04-24', defaultCalendar)).toBe('2026-04-28'); // Fri → Tue (Mon is compensatory)
  });

  it('addWorkingDays counts make-up Saturdays and goes backwards', () => {
    expect(addWorkingDays('2025-04-25', 1, defaultCalendar)).toBe('2025-04-26'); // make-up Saturday
    expect(addWorkingDays('2025-04-29', 1, defaultCalendar)).toBe('2025-05-05');
    expect(addWorkingDays('2026-02-23', -1, defaultCalendar)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-14', 0, defaultCalendar)).toBe('2026-02-14');
    expect(() => addWorkingDays('2026-02-14', 1.5, defaultCalendar)).toThrow(RangeError);
  });

  it('marks the years not announced yet as provisional', () => {
    expect(isProvisional('2026-12-31')).toBe(false);
    expect(isProvisional('2027-01-04')).toBe(true);
    const cal = makeCalendar({ announcedYears: [2027] });
    expect(isProvisional('2027-01-04', cal)).toBe(false);
    expect(cal.announcedYears).toEqual([2025, 2026, 2027]);
    expect(isProvisional('2026-06-01', baseCalendar)).toBe(true);
  });
});
