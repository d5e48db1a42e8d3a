import { describe, expect, it } from 'vitest';
import { barWidth, insightUnits, lastMonth, percent, periodFrom, ratioText, thisMonth } from './figures.ts';

const vi = new Intl.NumberFormat('vi-VN');

describe('leaders figures', () => {
  it('writes shares as leaders report them', () => {
    expect(ratioText(476, 560, vi)).toBe('476/560 = 85%');
    expect(ratioText(1234, 2000, vi)).toBe('1.234/2.000 = 62%');
    expect(ratioText(0, 0, vi)).toBe('—');
  });

  it('never rounds a miss up to 100% or a case down to 0%', () => {
    expect(percent(559, 560)).toBe(99);
    expect(percent(1, 560)).toBe(1);
    expect(percent(560, 560)).toBe(100);
    expect(percent(0, 560)).toBe(0);
    expect(percent(3, 0)).toBeNull();
  });

  it('counts months in Vietnam time, not the browser’s', () => {
    // 30 Nov 2026 18:00 UTC is already 1 December in Vietnam.
    const now = new Date('2026-11-30T18:00:00Z');
    expect(thisMonth(now)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(lastMonth(now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastMonth(new Date('2027-01-10T03:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('takes the period from the address only when it is a real one', () => {
    const now = new Date('2026-11-23T03:00:00Z');
    expect(periodFrom(new URLSearchParams('tu=2026-10-01&den=2026-10-31'), now)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(periodFrom(new URLSearchParams('tu=2026-10-31&den=2026-10-01'), now)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(periodFrom(new URLSearchParams('tu=hom-qua'), now)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
  });

  it('draws bars to scale with a visible sliver for small non-zero shares', () => {
    expect(barWidth(0, 10)).toBe('0%');
    expect(barWidth(1, 1000)).toBe('2.0%');
    expect(barWidth(5, 10)).toBe('50.0%');
  });

  it('offers communes and provinces, not hamlets or odd codes', () => {
    expect(insightUnits(['30421', '91', '30421-01', ''])).toEqual(['30421', '91']);
  });
});
