import { describe, expect, it } from 'vitest';
import { FIELD_CLOCK_TOLERANCE_MS, fieldWindow, judgeFieldTime } from './time.ts';

const day = '2026-11-26';
const window = fieldWindow(day);
const vn = (s: string) => new Date(`${s}+07:00`);

describe('fieldWindow', () => {
  it('opens at the start of the session day and closes when its credentials expire (day + 1 + 3 days)', () => {
    expect(window.opensAt.toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });
});

describe('judgeFieldTime', () => {
  it('believes work done in the hamlet at 07:39 when synced at 18:30 or two days later', () => {
    expect(judgeFieldTime(vn('2026-11-26T07:39:00'), { window, now: vn('2026-11-26T18:30:00') })).toEqual({ ok: true });
    expect(judgeFieldTime(vn('2026-11-26T07:39:00'), { window, now: vn('2026-11-28T09:00:00') })).toEqual({ ok: true });
  });

  it('a time ahead of the server by more than the tolerance is curable: retry when the server gets there', () => {
    const now = vn('2026-11-26T08:00:00');
    const at = vn('2026-11-26T08:30:00');
    const v = judgeFieldTime(at, { window, now });
    expect(v).toMatchObject({ ok: false, code: 'field_time_in_future', aheadMs: 30 * 60_000 });
    if (v.ok || v.code !== 'field_time_in_future') throw new Error('unreachable');
    expect(v.retryAt.getTime()).toBe(at.getTime() - FIELD_CLOCK_TOLERANCE_MS);
    expect(judgeFieldTime(at, { window, now: v.retryAt })).toEqual({ ok: true });
    // Within the tolerance it stands as it is.
    expect(judgeFieldTime(new Date(now.getTime() + FIELD_CLOCK_TOLERANCE_MS), { window, now }).ok).toBe(true);
  });

  it('refuses for good a time outside the session window, even when it is also in the future', () => {
    const now = vn('2026-11-26T08:00:00');
    expect(judgeFieldTime(vn('2026-11-25T23:59:00'), { window, now })).toMatchObject({ ok: false, code: 'field_time_before_session' });
    expect(judgeFieldTime(vn('2026-11-30T00:00:00'), { window, now })).toMatchObject({ ok: false, code: 'field_time_after_window' });
  });

  it('refuses a time before the dossier’s latest event', () => {
    const v = judgeFieldTime(vn('2026-11-26T07:29:00'), { window, now: vn('2026-11-26T12:00:00'), notBefore: vn('2026-11-26T07:30:00') });
    expect(v).toMatchObject({ ok: false, code: 'field_time_before_history' });
    expect(judgeFieldTime(vn('2026-11-26T07:30:00'), { window, now: vn('2026-11-26T12:00:00'), notBefore: vn('2026-11-26T07:30:00') }).ok).toBe(true);
  });
});
