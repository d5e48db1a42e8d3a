import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { vnDate, vnInstant, vnIso } from './dates.ts';
import { defaultCalendar, isWorkingDay, makeCalendar } from './work-calendar.ts';
import { dueDate, receiptDay, workingDaysBetween } from './working-time.ts';

const at = (date: string, hhmm: string) => vnInstant(date, hhmm);
const due = (date: string, hhmm: string, workingDays: number, cal = defaultCalendar) => vnIso(dueDate(at(date, hhmm), { workingDays }, cal));

describe('Vietnam time helpers', () => {
  it('convert between instants and Vietnam dates and times', () => {
    const instant = new Date('2026-02-13T08:30:00Z');
    expect(vnIso(instant)).toBe('2026-02-13T15:30:00+07:00');
    expect(vnInstant('2026-02-13', '15:30').toISOString()).toBe('2026-02-13T08:30:00.000Z');
    expect(vnDate(new Date('2026-02-13T16:59:59Z'))).toBe('2026-02-13');
    expect(vnDate(new Date('2026-02-13T17:00:00Z'))).toBe('2026-02-14'); // midnight in Hà Nội
    expect(vnIso(new Date('2026-12-31T17:00:00.250Z'))).toBe('2027-01-01T00:00:00.250+07:00');
    expect(() => vnInstant('2026-02-13', '3pm')).toThrow(RangeError);
  });
});

describe('dueDate', () => {
  it('whole days: received Monday 09:00 with 1 working day → Tuesday 17:00', () => {
    expect(due('2026-03-02', '09:00', 1)).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-02', '09:00', 0)).toBe('2026-03-02T17:00:00+07:00');
  });

  it('straddles Tết 2026: Friday 13/2 + 3 working days → Wednesday 25/2', () => {
    expect(due('2026-02-13', '09:00', 3)).toBe('2026-02-25T17:00:00+07:00');
  });

  it('skips a weekend', () => {
    expect(due('2026-03-05', '10:00', 2)).toBe('2026-03-09T17:00:00+07:00'); // Thu → Mon
  });

  it('skips the compensatory Monday after Hùng Kings’ day on Sunday 26/4/2026', () => {
    expect(due('2026-04-24', '10:00', 1)).toBe('2026-04-28T17:00:00+07:00');
  });

  it('multi-day: no afternoon cut-off, the day of receipt is not counted (Civil Code art. 147(1))', () => {
    // The case of issue #12: Friday 13/2/2026 at 16:30, 3 working days, Tết 14–22/2 → 25/2, not 26/2.
    expect(due('2026-02-13', '16:30', 3)).toBe('2026-02-25T17:00:00+07:00');
    expect(due('2026-03-02', '15:00', 1)).toBe('2026-03-03T17:00:00+07:00');
    const justAfter = new Date(at('2026-03-02', '15:00').getTime() + 1);
    expect(vnIso(dueDate(justAfter, { workingDays: 1 }, defaultCalendar))).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-02', '22:45', 1)).toBe('2026-03-03T17:00:00+07:00'); // online, at night
    expect(due('2026-03-06', '16:59', 1)).toBe('2026-03-09T17:00:00+07:00'); // Friday late → Monday is day 1
  });

  it('a province that adopts a general cut-off applies it to multi-day procedures too', () => {
    const cal = makeCalendar({ cutoffAllProcedures: true });
    expect(due('2026-03-02', '15:00', 1, cal)).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-02', '15:01', 1, cal)).toBe('2026-03-04T17:00:00+07:00');
    expect(due('2026-02-13', '16:30', 3, cal)).toBe('2026-02-26T17:00:00+07:00');
  });

  it('received on a day off: the next working day is day 1 (art. 147(1): counting starts the next day)', () => {
    expect(due('2026-03-07', '10:00', 1)).toBe('2026-03-09T17:00:00+07:00'); // Saturday → Monday
    expect(due('2026-02-17', '10:00', 1)).toBe('2026-02-23T17:00:00+07:00'); // mùng 1 Tết (online) → first day after Tết
    expect(due('2026-02-17', '10:00', 3)).toBe('2026-02-25T17:00:00+07:00');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(due('2025-04-25', '10:00', 1)).toBe('2025-04-26T17:00:00+07:00');
    expect(due('2025-04-26', '10:00', 1)).toBe('2025-04-28T17:00:00+07:00');
    const cal = makeCalendar({ makeUpWorkingDays: ['2026-03-07'] });
    expect(due('2026-03-06', '10:00', 1, cal)).toBe('2026-03-07T17:00:00+07:00');
  });

  it('half days are counted in sessions, the receipt session not counted', () => {
    expect(due('2026-03-02', '09:00', 0.5)).toBe('2026-03-02T17:00:00+07:00');
    expect(due('2026-03-02', '14:00', 0.5)).toBe('2026-03-03T12:00:00+07:00');
    expect(due('2026-03-02', '12:00', 0.5)).toBe('2026-03-03T12:00:00+07:00'); // noon is afternoon
    expect(due('2026-03-02', '14:00', 1.5)).toBe('2026-03-04T12:00:00+07:00');
    expect(due('2026-03-02', '16:00', 0.5)).toBe('2026-03-03T12:00:00+07:00'); // the afternoon session is the receipt's
    expect(due('2026-03-02', '17:30', 0.5)).toBe('2026-03-03T12:00:00+07:00'); // after closing: Tuesday morning counts first
    expect(due('2026-03-07', '10:00', 0.5)).toBe('2026-03-09T12:00:00+07:00'); // Saturday: Monday morning counts first
    expect(due('2026-02-13', '14:00', 0.5)).toBe('2026-02-23T12:00:00+07:00'); // over Tết
    expect(() => due('2026-03-02', '09:00', 0.3)).toThrow(RangeError);
    expect(() => due('2026-03-02', '09:00', -1)).toThrow(RangeError);
  });

  it('same day: today before the cut-off, else the next working day (Decree 23/2015/NĐ-CP art. 7(1))', () => {
    const sameDay = (date: string, hhmm: string) => vnIso(dueDate(at(date, hhmm), { sameDay: true }, defaultCalendar));
    expect(sameDay('2026-03-02', '14:59')).toBe('2026-03-02T17:00:00+07:00');
    expect(sameDay('2026-03-02', '15:30')).toBe('2026-03-03T17:00:00+07:00');
    expect(sameDay('2026-02-14', '09:00')).toBe('2026-02-23T17:00:00+07:00');
    expect(sameDay('2026-03-02', '15:00')).toBe('2026-03-02T17:00:00+07:00'); // 15:00:00 exactly still counts
    expect(receiptDay(new Date(at('2026-03-02', '15:00').getTime() + 1), defaultCalendar)).toBe('2026-03-03');
  });

  it('properties: due on a working day at close or noon, never earlier for more days', () => {
    const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });
    const halves = fc.integer({ min: 1, max: 60 }).map((h) => h / 2);
    fc.assert(
      fc.property(instant, halves, (received, n) => {
        const d = dueDate(received, { workingDays: n }, defaultCalendar);
        const more = dueDate(received, { workingDays: n + 0.5 }, defaultCalendar);
        expect(isWorkingDay(vnDate(d), defaultCalendar)).toBe(true);
        expect(['17:00', '12:00']).toContain(vnIso(d).slice(11, 16));
        expect(d.getTime()).toBeGreaterThan(received.getTime());
        expect(more.getTime()).toBeGreaterThanOrEqual(d.getTime());
        if (Number.isInteger(n)) {
          // n whole working days after the day of receipt (its close), whatever the time of receipt.
          const start = vnInstant(vnDate(received), '17:00');
          expect(workingDaysBetween(start, d, defaultCalendar)).toBe(n);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('workingDaysBetween', () => {
  it('measures fractions of working days and skips days off', () => {
    expect(workingDaysBetween(at('2026-03-02', '07:30'), at('2026-03-02', '17:00'), defaultCalendar)).toBe(1);
    expect(workingDaysBetween(at('2026-03-02', '07:30'), at('2026-03-02', '12:00'), defaultCalendar)).toBe(0.5);
    expect(workingDaysBetween(at('2026-03-02', '12:00'), at('2026-03-02', '14:30'), defaultCalendar)).toBeCloseTo(0.25);
    expect(workingDaysBetween(at('2026-02-13', '17:00'), at('2026-02-23', '12:00'), defaultCalendar)).toBe(0.5);
    expect(workingDaysBetween(at('2026-03-06', '12:00'), at('2026-03-09', '12:00'), defaultCalendar)).toBe(1);
    expect(workingDaysBetween(at('2026-03-09', '12:00'), at('2026-03-06', '12:00'), defaultCalendar)).toBe(-1);
    expect(workingDaysBetween(at('2026-03-07', '08:00'), at('2026-03-08', '20:00'), defaultCalendar)).toBe(0);
  });
});

// core is typed without Node's globals (it must run in browsers); the test runs in Node.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

describe('time-zone independence', () => {
  const original = env.TZ;
  afterEach(() => {
    if (original === undefined) delete env.TZ;
    else env.TZ = original;
  });

  it('gives the same results whatever the host time zone', () => {
    const compute = () => [
      vnIso(dueDate(new Date('2026-02-13T07:59:00Z'), { workingDays: 3 }, defaultCalendar)),
      vnIso(dueDate(new Date('2026-03-01T20:00:00Z'), { workingDays: 0.5 }, defaultCalendar)), // Mon 03:00 VN
      vnDate(new Date('2026-02-13T17:30:00Z')),
      workingDaysBetween(new Date('2026-03-02T01:00:00Z'), new Date('2026-03-03T05:00:00Z'), defaultCalendar),
    ];
    const results = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'].map((tz) => {
      env.TZ = tz;
      return { hours: new Date('2026-02-13T07:59:00Z').getHours(), values: compute() };
    });
    // The host zone really changed (otherwise this test would prove nothing)…
    expect(new Set(results.map((r) => r.hours)).size).toBe(4);
    // …and the answers did not.
    for (const r of results) expect(r.values).toEqual(results[0]?.values);
    expect(results[0]?.values.slice(0, 3)).toEqual(['2026-02-25T17:00:00+07:00', '2026-03-02T17:00:00+07:00', '2026-02-14']);
  });
});
