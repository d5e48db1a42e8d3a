import { describe, expect, it } from 'vitest';
import { canAdvance, isS10, LocalPostalAdapter, s10CheckDigit, s10TrackingNumber, webhookSignature, webhookSignatureOk } from './postal.ts';

describe('postal stand-in', () => {
  it('computes UPU S10 check digits (including the 10 → 0 and 11 → 5 rules)', () => {
    expect(s10CheckDigit('47312482')).toBe(9); // the S10 standard's worked example, EE 473 124 829 GB
    expect(s10TrackingNumber(47312482)).toBe('MC473124829VN');
    expect(isS10('MC473124829VN')).toBe(true);
    expect(isS10('MC473124828VN')).toBe(false);
    // sum ≡ 1 (mod 11) → 10 → 0; sum ≡ 0 → 11 → 5
    expect(s10CheckDigit('00000008')).toBe(0); // 8·7 = 56 ≡ 1
    expect(s10CheckDigit('00000000')).toBe(5);
    expect(() => s10CheckDigit('123')).toThrow(RangeError);
  });

  it('books shipments with valid tracking numbers', async () => {
    const seq = [1, 99_999_999];
    const adapter = new LocalPostalAdapter(() => seq.shift()!);
    const a = await adapter.createShipment();
    const b = await adapter.createShipment();
    expect([a.trackingNumber, b.trackingNumber].every(isS10)).toBe(true);
    expect(a.trackingNumber).toMatch(/^MC00000001\dVN$/);
    expect(b.trackingNumber).toMatch(/^MC99999999\dVN$/);
  });

  it('moves accepted → in_transit → delivered | returned, never backwards', () => {
    expect(canAdvance('accepted', 'in_transit')).toBe(true);
    expect(canAdvance('in_transit', 'delivered')).toBe(true);
    expect(canAdvance('in_transit', 'returned')).toBe(true);
    expect(canAdvance('accepted', 'delivered')).toBe(false);
    expect(canAdvance('delivered', 'returned')).toBe(false);
    expect(canAdvance('in_transit', 'accepted')).toBe(false);
  });

  it('accepts a webhook body only with the HMAC of its exact bytes', () => {
    const body = Buffer.from('{"trackingNumber":"MC473124829VN","status":"delivered"}');
    const sig = webhookSignature('s3cret', body);
    expect(webhookSignatureOk('s3cret', body, sig)).toBe(true);
    expect(webhookSignatureOk('other', body, sig)).toBe(false);
    expect(webhookSignatureOk('s3cret', Buffer.from(body.toString().replace('delivered', 'returned')), sig)).toBe(false);
    expect(webhookSignatureOk('s3cret', body, undefined)).toBe(false);
  });
});
