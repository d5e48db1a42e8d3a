import { describe, expect, it } from 'vitest';
import { correctedTime, MAX_TRUSTED_ROUND_TRIP_MS, preferReading, readClock } from './clock.ts';

const server = (receivedAt: number, sentAt = receivedAt) => ({ receivedAt: new Date(receivedAt).toISOString(), sentAt: new Date(sentAt).toISOString() });

describe('readClock', () => {
  it('a phone 30 minutes fast: offset −30 min from the midpoint of the round trip', () => {
    const fast = 30 * 60_000;
    const t0 = Date.parse('2026-11-26T01:00:00Z');
    // 400 ms there, 400 ms back, the server answers at once.
    const r = readClock(t0 + fast, t0 + fast + 800, server(t0 + 400));
    expect(r).toEqual({ offsetMs: -fast, roundTripMs: 800, at: new Date(t0 + 400).toISOString() });
    expect(correctedTime(t0 + fast + 800, r).getTime()).toBe(t0 + 800);
  });

  it('leaves the server’s processing time out of the round trip (NTP)', () => {
    const t0 = 1_000_000_000_000;
    // 100 ms each way, 5 s applying a batch: the midpoint alone would be 2.5 s off.
    const r = readClock(t0, t0 + 5_200, server(t0 + 100, t0 + 5_100))!;
    expect(r.offsetMs).toBe(0);
    expect(r.roundTripMs).toBe(200);
  });

  it('ignores answers without usable times', () => {
    expect(readClock(1, 2, undefined)).toBeNull();
    expect(readClock(1, 2, { receivedAt: 'x', sentAt: 'y' })).toBeNull();
    expect(readClock(5, 2, server(3))).toBeNull();
  });
});

describe('preferReading', () => {
  const good = { offsetMs: -1_800_000, roundTripMs: 300, at: '2026-11-26T01:00:00.000Z' };
  it('takes the newer reading, unless it is too slow to trust and the older one was better', () => {
    const newer = { offsetMs: -1_799_000, roundTripMs: 900, at: '2026-11-26T02:00:00.000Z' };
    expect(preferReading(good, newer)).toBe(newer);
    const slow = { offsetMs: 0, roundTripMs: MAX_TRUSTED_ROUND_TRIP_MS + 1, at: '2026-11-26T03:00:00.000Z' };
    expect(preferReading(good, slow)).toBe(good);
    expect(preferReading(null, slow)).toBe(slow);
    expect(preferReading(good, null)).toBe(good);
  });
});
