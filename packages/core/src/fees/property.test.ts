import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFee, perCopyVnd } from './compute.ts';
import { KNOWN_FEES } from './law.ts';
import type { FeeContext, FeeRule, PageTier } from './types.ts';

const CERT = KNOWN_FEES['2.000815']!;
const TIERS: readonly PageTier[] = [
  { fromPage: 1, amountVnd: 2000 },
  { fromPage: 3, amountVnd: 1000 },
];
const original = fc.record({ pages: fc.integer({ min: 1, max: 500 }), copies: fc.integer({ min: 1, max: 100 }) });
const ctx = fc.record({
  channel: fc.constantFrom('online', 'counter', 'outreach', 'postal' as const),
  on: fc.constantFrom('2026-01-01', '2026-06-30'),
}) as fc.Arbitrary<FeeContext>;

/** The per-page rule written out page by page: an independent statement of Circular 226 art. 4. */
function byHand(pages: number): number {
  let total = 0;
  for (let p = 1; p <= pages; p++) total += p <= 2 ? 2000 : 1000;
  return Math.min(total, 200_000);
}

describe('fee properties', () => {
  it('a copy costs what the circular says page by page, never above the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (pages) => {
        const one = perCopyVnd(pages, TIERS, 200_000);
        expect(one).toBe(byHand(pages));
        expect(one).toBeLessThanOrEqual(200_000);
      }),
    );
  });

  it('the lines add up to the amount, one per original, and more pages or copies never cost less', () => {
    fc.assert(
      fc.property(fc.array(original, { minLength: 1, maxLength: 8 }), ctx, fc.nat({ max: 7 }), (docs, c, which) => {
        const q = computeFee(CERT, { documents: docs }, c);
        expect(q.lines).toHaveLength(docs.length);
        expect(q.amountVnd).toBe(q.lines.reduce((n, l) => n + l.amountVnd, 0));
        expect(q.amountVnd).toBe(docs.reduce((n, d) => n + d.copies * byHand(d.pages), 0));
        const i = which % docs.length;
        const more = docs.map((d, k) => (k === i ? { pages: d.pages + 1, copies: d.copies + 1 } : d));
        expect(computeFee(CERT, { documents: more }, c).amountVnd!).toBeGreaterThan(q.amountVnd! - 1);
      }),
    );
  });

  it('an exemption or reduction never raises the amount, and a full exemption leaves nothing to pay', () => {
    const codes = Object.keys(KNOWN_FEES);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom('none', 'poor_household', 'policy_family', 'disability', 'child'),
        fc.integer({ min: 0, max: 100 }),
        ctx,
        fc.array(original, { minLength: 0, maxLength: 3 }),
        (code, claim, percentOff, c, docs) => {
          const rule: FeeRule = KNOWN_FEES[code]!;
          const form = { documents: docs, copies: docs.length, childDateOfBirth: '2020-01-01', dateOfDeath: '2020-01-01' };
          const plain = computeFee(rule, form, c);
          const province = { provinceCode: '01', channel: 'online' as const, percentOff, basis: 'NQ', label: 'Giảm', labelEn: 'Off' };
          const q = computeFee(rule, { ...form, feeExemption: claim }, { ...c, provinceCode: '01', provinceRules: [province], procedureCode: code });
          if (q.exemption?.percent === 100) expect(q.amountVnd).toBe(0);
          if (plain.amountVnd !== null && q.amountVnd !== null) {
            expect(q.amountVnd).toBeGreaterThanOrEqual(0);
            expect(q.amountVnd).toBeLessThanOrEqual(plain.amountVnd);
          }
          if (q.exemption === null && q.reductions.length === 0) expect(q.amountVnd).toBe(plain.amountVnd);
          if (q.exemption && q.exemption.percent === 100 && q.exemption.grantedBy === 'receiving_official') expect(q.exemption.evidence).not.toBeNull();
        },
      ),
    );
  });
});
