import type { HamletTally as ServerHamletTally, Tally } from '@motcua/core/api';
import { isRefused, type OutboxItem } from './sync/types.ts';

/** The server's per-hamlet tally without the name: the device shows the kit's hamlet names. */
export type HamletTally = Omit<ServerHamletTally, 'hamletName'>;

// What the server did not apply is not counted (a duplicate of a refused op neither).
const counts = (i: OutboxItem) => !i.dismissed && !isRefused(i);

function tally(items: OutboxItem[]): Tally {
  const received = items.filter((i) => i.kind === 'receive_dossier');
  const completed = items.filter((i) => i.kind === 'complete_on_spot');
  const surveys = items.filter((i) => i.kind === 'record_survey');
  const avg = (k: 'overall' | 'staff' | 'convenience') =>
    surveys.length ? Math.round((surveys.reduce((n, s) => n + (s.summary.ratings?.[k] ?? 0), 0) / surveys.length) * 100) / 100 : null;
  return {
    received: received.length,
    completedOnSpot: completed.length,
    scheduledForReturn: received.length - completed.length,
    consulted: items.filter((i) => i.kind === 'record_consultation').reduce((n, i) => n + (i.summary.people ?? 0), 0),
    surveys: surveys.length,
    averages: { overall: avg('overall'), staff: avg('staff'), convenience: avg('convenience') },
  };
}

/**
 * The team's own count of the session, from the device (the same figures the server's round
 * report shows once synced: received, completed on the spot, people consulted, survey averages).
 */
export function sessionTally(items: OutboxItem[]): Tally & { byHamlet: HamletTally[] } {
  const kept = items.filter(counts);
  const hamlets = [...new Set(kept.map((i) => i.summary.hamletCode ?? null))];
  return { ...tally(kept), byHamlet: hamlets.map((h) => ({ hamletCode: h, ...tally(kept.filter((i) => (i.summary.hamletCode ?? null) === h)) })) };
}
