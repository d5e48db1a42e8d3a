import { describe, expect, it } from 'vitest';
import { checkScores, isLowRating, tallyOf, tallySentenceVi } from './ratings.ts';

describe('rating scores', () => {
  it('need an overall score and accept only known criteria scored 1–5', () => {
    expect(checkScores({ overall: 5, attitude: 4 })).toEqual({ ok: true, scores: { overall: 5, attitude: 4 } });
    expect(checkScores({ attitude: 4 }).ok).toBe(false);
    expect(checkScores({ overall: 6 }).ok).toBe(false);
    expect(checkScores({ overall: 2.5 }).ok).toBe(false);
    expect(checkScores({ overall: 3, speed: 3 }).ok).toBe(false);
  });

  it('a 1 or 2 on any criterion is low', () => {
    expect(isLowRating({ overall: 4, visits: 2 })).toBe(true);
    expect(isLowRating({ overall: 3, visits: 3 })).toBe(false);
  });

  it('tallies levels per criterion and says it as a report does', () => {
    const t = tallyOf([
      { criterion: 'overall', level: 5, n: 19 },
      { criterion: 'overall', level: 4, n: 13 },
    ]);
    const overall = t.find((x) => x.criterion === 'overall')!;
    expect(overall.counts).toEqual([0, 0, 0, 13, 19]);
    expect(tallySentenceVi(overall)).toBe('19/32 rất hài lòng, không có trường hợp rất không hài lòng');
    expect(t.find((x) => x.criterion === 'online')!.total).toBe(0);
  });
});
