import { describe, expect, it } from 'vitest';
import { computeFee, perCopyVnd } from './compute.ts';
import { KNOWN_FEES, feeDueAtFor, ruleFromAmount } from './law.ts';
import type { FeeContext, ProvinceFeeRule } from './types.ts';

const counter: FeeContext = { channel: 'counter', on: '2026-03-10' };
const online: FeeContext = { channel: 'online', on: '2026-03-10' };
const rule = (code: string) => KNOWN_FEES[code]!;

describe('certification of copies (Circular 226/2016/TT-BTC art. 4)', () => {
  it('prices pages 1–2 at 2,000 đ, from page 3 at 1,000 đ, at most 200,000 đ a copy', () => {
    const tiers = rule('2.000815').charges![0]!;
    if (tiers.kind !== 'per_page') throw new Error('per-page rule expected');
    const one = (pages: number) => perCopyVnd(pages, tiers.tiers, tiers.maxPerCopyVnd);
    expect([1, 2, 3, 10, 198, 199, 500].map(one)).toEqual([2000, 4000, 5000, 12000, 200000, 200000, 200000]);
  });

  it('sums every original times its copies, one line each', () => {
    const q = computeFee(
      rule('2.000815'),
      {
        documents: [
          { documentName: 'Bằng tốt nghiệp', pages: 1, copies: 3 },
          { documentName: 'Sổ đỏ', pages: 4, copies: 2 },
        ],
      },
      counter,
    );
    expect(q.lines.map((l) => l.amountVnd)).toEqual([6000, 12000]);
    expect(q.amountVnd).toBe(18000);
    expect(q.grossVnd).toBe(18000);
    expect(q.basis).toEqual(['Thông tư 226/2016/TT-BTC, Điều 4']);
  });

  it('quotes what a half-filled form has', () => {
    expect(computeFee(rule('2.000815'), { documents: [{ pages: 2 }] }, counter).amountVnd).toBe(0);
  });
});

describe('fixed and per-item fees', () => {
  it('charges a signature per certified copy and a contract once', () => {
    expect(computeFee(rule('2.000884'), { copies: 3, pages: 7 }, counter).amountVnd).toBe(30000);
    expect(computeFee(rule('2.001035'), { copies: 3, pages: 7 }, counter).amountVnd).toBe(50000);
  });

  it('takes the online rate the residence circular sets when filed online', () => {
    expect(computeFee(rule('1.004222'), {}, counter).amountVnd).toBe(20000);
    expect(computeFee(rule('1.004222'), {}, online).amountVnd).toBe(10000);
  });
});

describe('exemptions (Law on Civil Status 2014 art. 11)', () => {
  it('leaves a late birth registration to the province, and makes an on-time one free', () => {
    const late = computeFee(rule('1.001193'), { childDateOfBirth: '2025-12-01' }, counter);
    expect(late).toMatchObject({ amountVnd: null, grossVnd: null, exemption: null });
    const onTime = computeFee(rule('1.001193'), { childDateOfBirth: '2026-01-09' }, counter);
    expect(onTime.amountVnd).toBe(0);
    expect(onTime.exemption).toMatchObject({ kind: 'on_time_registration', grantedBy: 'computed_from_form', evidence: null });
  });

  it('exempts a claimed poor household, naming the evidence the official keeps', () => {
    const q = computeFee(rule('1.004873'), { feeExemption: 'poor_household' }, counter);
    expect(q.amountVnd).toBe(0);
    expect(q.exemption).toMatchObject({ kind: 'poor_household', grantedBy: 'receiving_official' });
    expect(q.exemption!.evidence).toContain('hộ nghèo');
    expect(q.basis).toContain('Luật Hộ tịch 2014 (60/2014/QH13), Điều 11 khoản 1 điểm a');
  });

  it('ignores a claim the rule does not grant', () => {
    expect(computeFee(rule('2.000884'), { copies: 1, feeExemption: 'poor_household' }, counter)).toMatchObject({ amountVnd: 10000, exemption: null });
  });
});

describe('province reductions (configured, never assumed)', () => {
  const half: ProvinceFeeRule = {
    provinceCode: '01',
    channel: 'online',
    percentOff: 50,
    basis: 'Nghị quyết HĐND (thử nghiệm)',
    label: 'Giảm 50%',
    labelEn: '50% off',
  };

  it('applies only to online filing in its province and its procedures', () => {
    const ctx = { ...online, provinceCode: '01', provinceRules: [half], procedureCode: '2.001035' };
    expect(computeFee(rule('2.001035'), {}, ctx)).toMatchObject({ amountVnd: 25000, reductions: [{ amountVnd: 25000, percentOff: 50 }] });
    expect(computeFee(rule('2.001035'), {}, { ...ctx, channel: 'counter' }).amountVnd).toBe(50000);
    expect(computeFee(rule('2.001035'), {}, { ...ctx, provinceCode: '79' }).amountVnd).toBe(50000);
    const narrow = { ...half, procedures: ['1.004222'] };
    expect(computeFee(rule('2.001035'), {}, { ...ctx, provinceRules: [narrow] }).amountVnd).toBe(50000);
  });
});

describe('rules from a single amount and when to pay', () => {
  it('reads 0 as free, null as unknown, a number as once per dossier', () => {
    expect(computeFee(ruleFromAmount(0, ''), {}, counter).amountVnd).toBe(0);
    expect(computeFee(ruleFromAmount(null, ''), {}, counter).amountVnd).toBeNull();
    expect(computeFee(ruleFromAmount(12000, 'Lệ phí'), {}, counter).amountVnd).toBe(12000);
  });

  it('asks for payment with the filing only for a fee of a fully online procedure', () => {
    expect(feeDueAtFor('full', rule('1.004222'))).toBe('submission');
    expect(feeDueAtFor('partial', rule('1.004222'))).toBe('intake');
    expect(feeDueAtFor(null, rule('2.000815'))).toBe('intake');
    expect(feeDueAtFor('full', rule('1.000894'))).toBe('intake');
  });
});
