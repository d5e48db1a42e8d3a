import { describe, expect, it } from 'vitest';
import { suggestHamlets, WEIGHTS, type HamletFacts } from './suggestions.ts';

const none = { elderly: 0, disabled: 0, ill: 0, other: 0 };
const hamlet = (code: string, over: Partial<HamletFacts>): HamletFacts => ({
  code,
  name: `Ấp ${code}`,
  distanceKm: null,
  travelMinutes: null,
  dossiers: 0,
  enquiries: 0,
  assistance: none,
  lastVisit: null,
  ...over,
});

describe('hamlet suggestions', () => {
  const today = '2026-11-23';
  const ranked = suggestHamlets(
    [
      hamlet('near-busy', { travelMinutes: 6, dossiers: 30, enquiries: 10, lastVisit: '2026-11-20' }),
      hamlet('far', { travelMinutes: 39, dossiers: 4, lastVisit: '2026-10-01' }),
      hamlet('far-elderly', { travelMinutes: 33, dossiers: 2, assistance: { ...none, elderly: 2, disabled: 1 }, lastVisit: '2026-11-10' }),
      hamlet('unknown', { dossiers: 0 }),
    ],
    today,
  );

  it('puts the far hamlet with residents who cannot travel first, and explains each part', () => {
    expect(ranked.map((s) => s.hamletCode)).toEqual(['far-elderly', 'far', 'near-busy', 'unknown']);
    expect(ranked.map((s) => s.score)).toEqual([50.4, 33.3, 23.7, 20]);
    const first = ranked[0]!;
    const part = (k: string) => first.parts.find((p) => p.key === k)!;
    expect(part('remoteness').points).toBe(16.5); // 33 of 60 minutes × 30
    expect(part('assistance').points).toBe(30); // 3 residents × 10, capped at 30
    expect(part('assistance').explanationVi).toContain('cao tuổi 2, khuyết tật 1');
    expect(part('demand').points).toBe(1); // 2 of the busiest hamlet's 40 × 20
    expect(part('recency').points).toBe(2.9); // 13 days of 90 × 20
    expect(first.score).toBe(50.4);
    expect(first.score).toBe(Math.round(first.parts.reduce((s, p) => s + p.points, 0) * 10) / 10);
  });

  it('gives a never-visited hamlet full recency points and says when numbers are missing', () => {
    const unknown = ranked.find((s) => s.hamletCode === 'unknown')!;
    expect(unknown.parts.find((p) => p.key === 'recency')!.points).toBe(WEIGHTS.recency);
    expect(unknown.parts.find((p) => p.key === 'remoteness')!.explanationVi).toBe('Chưa có số liệu khoảng cách');
  });

  it('uses the distance when no travel time is recorded and caps every part at its weight', () => {
    const [s] = suggestHamlets([hamlet('x', { distanceKm: 45, assistance: { ...none, ill: 9 } })], today);
    expect(s!.parts.map((p) => p.points)).toEqual([30, 30, 0, 20]);
    expect(s!.parts.every((p) => p.points <= p.max)).toBe(true);
  });

  it('breaks ties by travel time, then code', () => {
    const r = suggestHamlets([hamlet('b', { travelMinutes: 60 }), hamlet('a', { distanceKm: 20 }), hamlet('c', { travelMinutes: 60 })], today);
    expect(r.map((s) => s.hamletCode)).toEqual(['b', 'c', 'a']);
    expect(r.map((s) => s.rank)).toEqual([1, 2, 3]);
  });
});
