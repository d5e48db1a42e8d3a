/**
 * The field app's clock, corrected against the server's without trusting the phone: every kit
 * and sync answer says when the server received the request and when it answered, and the app
 * estimates its offset as NTP does (RFC 5905, section 8) from its own send and receive times.
 */

/** When the server received the request and when it sent the answer (ISO 8601). */
export interface ServerClock {
  receivedAt: string;
  sentAt: string;
}

export interface ClockReading {
  /** Add to the device's clock to get the server's (negative: the phone runs fast). */
  offsetMs: number;
  /** Network time of the exchange; the estimate is off by at most half of it. */
  roundTripMs: number;
  /** The server's time of the reading (ISO 8601). */
  at: string;
}

/** A reading whose round trip was longer than this says little; an earlier, better one is kept. */
export const MAX_TRUSTED_ROUND_TRIP_MS = 30_000;

/**
 * The offset from one exchange: device sent at t1, server received at t2 and answered at t3,
 * device received at t4 (device times in epoch ms by the device's clock):
 * offset = ((t2 − t1) + (t3 − t4)) / 2, round trip = (t4 − t1) − (t3 − t2).
 * With t2 = t3 this is the midpoint of the round trip. Null for an answer without usable times.
 */
export function readClock(deviceSentAt: number, deviceReceivedAt: number, server: ServerClock | undefined | null): ClockReading | null {
  if (!server) return null;
  const t2 = Date.parse(server.receivedAt);
  const t3 = Date.parse(server.sentAt);
  if (!Number.isFinite(t2) || !Number.isFinite(t3) || !Number.isFinite(deviceSentAt) || !Number.isFinite(deviceReceivedAt)) return null;
  if (t3 < t2 || deviceReceivedAt < deviceSentAt) return null;
  return {
    offsetMs: Math.round((t2 - deviceSentAt + (t3 - deviceReceivedAt)) / 2),
    roundTripMs: Math.max(0, deviceReceivedAt - deviceSentAt - (t3 - t2)),
    at: new Date(t3).toISOString(),
  };
}

/**
 * Which reading to keep: the newer one (the phone's clock may have been re-set since the older),
 * unless its round trip was too slow to trust and an older reading exists.
 */
export function preferReading(current: ClockReading | null, next: ClockReading | null): ClockReading | null {
  if (!next) return current;
  if (current && next.roundTripMs > MAX_TRUSTED_ROUND_TRIP_MS && next.roundTripMs > current.roundTripMs) return current;
  return next;
}

/** The server's time now, as the device best knows it. */
export function correctedTime(deviceNow: number, reading: ClockReading | null): Date {
  return new Date(deviceNow + (reading?.offsetMs ?? 0));
}
