import { useSyncExternalStore } from 'react';
import { correctedTime, preferReading, readClock, type ClockReading, type ServerClock } from '@motcua/core/field';
import { db } from './db.ts';

/**
 * The field app's clock: the phone's, corrected by the offset measured against the server
 * (@motcua/core/field readClock) on the kit download and on every sync answer. Receipts, op
 * times, due dates and "is this still the session day" all read fieldNow(), never `new Date()`:
 * a phone 30 minutes fast must not hand out receipts the server will call the future.
 *
 * What it cannot see: a phone clock re-set while the app is closed and offline (the next answer
 * from the server corrects it). The server still judges every time it is sent (time.ts there).
 */
let reading: ClockReading | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

const isReading = (v: unknown): v is ClockReading =>
  typeof v === 'object' && v !== null && typeof (v as ClockReading).offsetMs === 'number' && typeof (v as ClockReading).roundTripMs === 'number';

/** The server's time now, as this device best knows it. */
export function fieldNow(): Date {
  return correctedTime(Date.now(), reading);
}

/** Restores the last reading (the app may start offline in the hamlet). */
export async function loadClock(): Promise<void> {
  const row = await db.meta.get('clock');
  if (isReading(row?.value)) {
    reading = row.value;
    notify();
  }
}

/** Keeps a new reading if it is worth keeping (core preferReading), here and on the device. */
export async function noteReading(next: ClockReading | null): Promise<void> {
  const kept = preferReading(reading, next);
  if (kept === reading) return;
  reading = kept;
  notify();
  await db.meta.put({ key: 'clock', value: kept });
}

/** Runs a request, timing it by the phone's clock, and reads the server's clock off its answer. */
export async function timed<T extends { serverClock?: ServerClock }>(request: () => Promise<T>): Promise<T> {
  const sent = Date.now();
  const answer = await request();
  await noteReading(readClock(sent, Date.now(), answer.serverClock));
  return answer;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current reading, re-rendering when a new one is kept. */
export function useClockReading(): ClockReading | null {
  return useSyncExternalStore(
    subscribe,
    () => reading,
    () => null,
  );
}
