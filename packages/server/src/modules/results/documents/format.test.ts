import { describe, expect, it } from 'vitest';
import { fillTemplate, MissingPlaceholderError, placeAndDate, vnDate, vnDateTime, vnShortDate } from './format.ts';

describe('Vietnamese date formatting', () => {
  it('uses Vietnam time, and leading zeros for days below 10 and months 1–2 only', () => {
    // 18:30 UTC on 4 Feb is already 5 Feb in Asia/Ho_Chi_Minh (UTC+7).
    expect(vnDate(new Date('2026-02-04T18:30:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(vnDate(new Date('2026-03-09T00:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
    expect(vnDate(new Date('2026-11-23T10:00:00Z'))).toBe('ngày 23 tháng 11 năm 2026');
    expect(vnDateTime(new Date('2026-11-23T02:05:00Z'))).toBe('09 giờ 05 phút, ngày 23 tháng 11 năm 2026');
    expect(vnDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('00 giờ 00 phút, ngày 01 tháng 01 năm 2027');
    expect(vnShortDate(new Date('2026-11-02T03:00:00Z'))).toBe('02/11/2026');
    expect(placeAndDate('Phú Lâm', new Date('2026-11-23T10:00:00Z'))).toBe('Phú Lâm, ngày 23 tháng 11 năm 2026');
  });

  it('rejects invalid dates', () => {
    expect(() => vnDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('fillTemplate', () => {
  it('fills placeholders, formatting dates and numbers, and NFC-normalises', () => {
    const out = fillTemplate('Ông/Bà {name}, sinh {born}, nộp {fee} đồng', {
      name: 'Nguyễn Thị Hoa\u0300', // decomposed "Hoà"
      born: new Date('1990-02-05T00:00:00Z'),
      fee: 1500000,
    });
    expect(out).toBe('Ông/Bà Nguyễn Thị Hoà, sinh 05/02/1990, nộp 1.500.000 đồng');
  });

  it('throws with every missing or empty field instead of printing a blank', () => {
    try {
      fillTemplate('{a} {b} {c} {a}', { a: '', c: 'x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MissingPlaceholderError);
      expect((err as MissingPlaceholderError).missing).toEqual(['a', 'b']);
    }
  });
});
