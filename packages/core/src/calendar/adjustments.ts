// Days off and make-up working days announced each year for state agencies (cán bộ, công chức,
// viên chức), on top of the statutory holidays. Each entry names the public sources it was
// checked against; the server may override or extend these through makeCalendar().
import type { IsoDate } from './dates.ts';
import type { HolidayChoice, HolidayChoices } from './holidays.ts';

export interface YearAdjustments {
  /** Extra days off (usually a weekday swapped against a Saturday make-up day). */
  extraDaysOff: IsoDate[];
  /** Weekend days declared working days. */
  makeUpWorkingDays: IsoDate[];
  /** The Prime Minister's choice of Tết days / National Day adjacent day, where not the default. */
  holidayChoice?: HolidayChoice;
  notes: string[];
}

export const announcedAdjustments: Readonly<Record<number, YearAdjustments>> = {
  2025: {
    extraDaysOff: ['2025-05-02'],
    makeUpWorkingDays: ['2025-04-26'],
    // Tết 27–31/1 (28 tháng Chạp – mùng 3), so with both weekends: 25/1–2/2, no compensatory day.
    holidayChoice: { tetDaysBefore: 2, nationalDayAdjacent: 'before' },
    notes: [
      'Tết 25/1–2/2/2025, holiday proper 27–31/1 (PM approval, Government Office 26/11/2024): https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html',
      '30/4–4/5/2025: Friday 2/5 swapped with Saturday 26/4; National Day 30/8–2/9 (1/9 adjacent): https://thoidai.com.vn/nguoi-lao-dong-se-co-ky-nghi-304-15-dai-5-ngay-209915.html',
    ],
  },
  2026: {
    extraDaysOff: ['2026-01-02', '2026-08-31'],
    makeUpWorkingDays: ['2026-01-10', '2026-08-22'],
    // Tết 16–20/2 (29 tháng Chạp – mùng 4) is the statutory default; with weekends 14–22/2.
    holidayChoice: { tetDaysBefore: 1, nationalDayAdjacent: 'before' },
    notes: [
      'New Year 1–4/1/2026: Friday 2/1 swapped with Saturday 10/1 (Văn bản 12729/VPCP-KGVX, 25/12/2025), as reported in the press.',
      'Tết 14–22/2/2026 and National Day 29/8–2/9/2026 with Monday 31/8 swapped for Saturday 22/8: https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html',
    ],
  },
};

export const announcedHolidayChoices: HolidayChoices = Object.fromEntries(
  Object.entries(announcedAdjustments).flatMap(([year, a]) => (a.holidayChoice ? [[year, a.holidayChoice]] : [])),
);
