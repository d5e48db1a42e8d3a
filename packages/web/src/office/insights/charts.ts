import type { BreakdownRow, DossierFigures, ProcedureOutcome } from '@motcua/core/api';

/** What each leaders' chart draws and the one figure its summary sentence names (pure, tested). */

export const CHANNELS = ['online', 'counter', 'outreach', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Months in order: received and of those online; the summary names the busiest month. */
export function trend(months: readonly BreakdownRow[]) {
  const busiest = months.reduce<BreakdownRow | null>((best, m) => (best === null || m.received > best.received ? m : best), null);
  return {
    labels: months.map((m) => m.key),
    received: months.map((m) => m.received),
    online: months.map((m) => m.online),
    busiest: busiest && busiest.received > 0 ? { month: busiest.key, received: busiest.received, online: busiest.online } : null,
  };
}

/** Dossiers per channel; the summary names the channel most used and its share. */
export function channelMix(d: DossierFigures) {
  const counts = CHANNELS.map((c) => d[c]);
  const top = CHANNELS.reduce<Channel | null>((best, c) => (best === null || d[c] > d[best] ? c : best), null);
  return { channels: [...CHANNELS], counts, top: top && d.received > 0 && d[top] > 0 ? { channel: top, share: d[top] / d.received } : null };
}

/** Procedures with results, most dossiers first (at most `limit`); the summary names the lowest on-time share. */
export function onTimeByProcedure(procedures: readonly ProcedureOutcome[], limit = 10) {
  const rows = procedures.filter((p) => p.onTimeRate !== null).slice(0, limit);
  const lowest = rows.reduce<ProcedureOutcome | null>((low, p) => (low === null || p.onTimeRate! < low.onTimeRate! ? p : low), null);
  return { rows, lowest };
}

/** Communes weakest first, as a share of the points they could score; the summary names the weakest. */
export function ranking(communes: readonly BreakdownRow[], limit = 15) {
  const rows = communes.filter((c) => c.total !== null && c.scoredMax).slice(0, limit);
  return { rows, shares: rows.map((r) => r.total! / r.scoredMax!), weakest: rows[0] ?? null };
}
