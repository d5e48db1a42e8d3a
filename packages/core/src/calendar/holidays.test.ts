import { describe, expect, it } from 'vitest';
import { weekdayOf } from './dates.ts';
import { holidaysOf } from './holidays.ts';

const dates = (year: number, choices?: Parameters<typeof holidaysOf>[1]) => holidaysOf(year, choices).map((h) => h.date);

describe('holidaysOf', () => {
  it('2026 as announced: Tết 16–20/2, Hùng Kings on Sunday 26/4 made up on Monday 27/4 (no Culture Day: not enacted)', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    const compensatory = holidaysOf(2026).filter((h) => h.kind === 'compensatory');
    expect(compensatory).toEqual([
      {
        date: '2026-04-27',
        nameVi: 'Nghỉ bù: Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        nameEn: "Compensatory day off: Hùng Kings' Commemoration Day",
        kind: 'compensatory',
      },
    ]);
  });

  it('2025 uses the announced Tết days 27–31/1 (no Saturday holiday, so no compensatory day)', () => {
    expect(dates(2025).slice(1, 6)).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(holidaysOf(2025).some((h) => h.kind === 'compensatory')).toBe(false);
  });

  it('the statutory default for 2025 is 29 tháng Chạp + mùng 1–4, with Saturday 1/2 made up on Monday 3/2', () => {
    const tet = holidaysOf(2025, {}).filter((h) => h.nameVi.startsWith('Tết Âm lịch'));
    expect(tet.map((h) => h.date)).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(tet[0]?.nameVi).toBe('Tết Âm lịch – 29 tháng Chạp (ngày cuối năm)');
    const comp = holidaysOf(2025, {}).filter((h) => h.kind === 'compensatory');
    expect(comp.map((h) => [h.date, h.nameEn])).toEqual([['2025-02-03', 'Compensatory day off: Lunar New Year (Tết) – 1st lunar month, day 4']]);
  });

  it('several weekend holidays in a block are made up on consecutive working days (2023)', () => {
    // Tết 2023: 30 Chạp = Saturday 21/1, mùng 1 = Sunday 22/1 → Thursday 26/1 and Friday 27/1.
    // Hùng Kings Saturday 29/4 and 30/4 Sunday → Tuesday 2/5 and Wednesday 3/5 (1/5 is a holiday).
    const comp = holidaysOf(2023)
      .filter((h) => h.kind === 'compensatory')
      .map((h) => h.date);
    expect(comp).toEqual(['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04']);
    expect(holidaysOf(2023)[2]?.nameVi).toBe('Tết Âm lịch – 30 tháng Chạp (ngày cuối năm)');
  });

  it('National Day: adjacent day 3/9 when chosen', () => {
    expect(dates(2025, { 2025: { nationalDayAdjacent: 'after' } })).toContain('2025-09-03');
    expect(dates(2025, { 2025: { nationalDayAdjacent: 'after' } })).not.toContain('2025-09-01');
  });

  it('National Day default joins the weekend: 2/9 on a Thursday or Monday → 3/9 (as announced for 2021 and 2024)', () => {
    expect(weekdayOf('2021-09-02')).toBe(4);
    expect(dates(2021, {})).toEqual(expect.arrayContaining(['2021-09-02', '2021-09-03']));
    expect(dates(2024, {})).toEqual(expect.arrayContaining(['2024-09-02', '2024-09-03']));
    expect(dates(2024, {})).not.toContain('2024-09-01');
    for (const year of [2027, 2032]) {
      expect(weekdayOf(`${year}-09-02`)).toBe(4);
      expect(dates(year)).toContain(`${year}-09-03`);
      expect(dates(year)).not.toContain(`${year}-09-01`);
    }
    expect(dates(2025, {})).toContain('2025-09-01'); // Tuesday 2/9 → Monday 1/9
    expect(dates(2022, {})).toContain('2022-09-01'); // Friday 2/9 → Thursday 1/9
  });

  it('Culture Day (24/11) is not a statutory holiday until the Labour Code says so: 11 statutory days a year', () => {
    const statutory = (y: number) => holidaysOf(y, {}).filter((h) => h.kind === 'holiday').length;
    for (const year of [2025, 2026, 2027]) {
      expect(dates(year)).not.toContain(`${year}-11-24`);
      expect(statutory(year)).toBe(11);
    }
  });

  it('never leaves a compensatory day on a weekend or on another holiday', () => {
    for (let year = 1900; year <= 2100; year++) {
      const list = holidaysOf(year, {});
      const days = list.map((h) => h.date);
      expect(new Set(days).size, `${year}`).toBe(days.length - countClashes(year));
      for (const h of list.filter((x) => x.kind === 'compensatory')) {
        expect([0, 6], `${year} ${h.date}`).not.toContain(weekdayOf(h.date));
      }
      const onWeekend = list.filter((h) => h.kind === 'holiday' && [0, 6].includes(weekdayOf(h.date))).length;
      expect(list.filter((h) => h.kind === 'compensatory').length, `${year}`).toBe(onWeekend + countClashes(year));
    }
  });

  it("compensates a holiday that coincides with another (Hùng Kings' day on 30/4/1947)", () => {
    const comp = holidaysOf(1947, {}).filter((h) => h.kind === 'compensatory' && h.date.startsWith('1947-05'));
    expect(comp.map((h) => [h.date, h.nameVi])).toEqual([['1947-05-02', 'Nghỉ bù: Ngày Chiến thắng (30/4)']]);
  });

  it('rejects invalid choices and years', () => {
    expect(() => holidaysOf(2026, { 2026: { tetDaysBefore: 6 } })).toThrow(RangeError);
    expect(() => holidaysOf(1800)).toThrow(RangeError);
  });
});

/** Statutory holidays of `year` sharing a date with an earlier one (Hùng Kings' day on 30/4 or 1/5). */
function countClashes(year: number): number {
  const days = holidaysOf(year, {})
    .filter((h) => h.kind === 'holiday')
    .map((h) => h.date);
  return days.length - new Set(days).size;
}
