import { api } from '../../api/client.ts';

/** Dossier counts for a period (packages/server/src/modules/insights/routes.ts); rates 0–1 or null. */
export interface DossierFigures {
  received: number;
  online: number;
  counter: number;
  outreach: number;
  postal: number;
  finished: number;
  finishedOnTime: number;
  lateNow: number;
  inProgress: number;
  apologies: number;
  onlineRate: number | null;
  onTimeRate: number | null;
}

export interface OutreachFigures {
  received: number;
  completedOnSpot: number;
  toReturn: number;
  peopleGuided: number;
  surveys: number;
  satisfied: number;
  averageRating: number | null;
  satisfactionRate: number | null;
}

export interface Insights {
  unit: { code: string; fullName: string };
  /** Vietnam dates, both inclusive. */
  period: { from: string; to: string };
  dossiers: DossierFigures;
  outreach: OutreachFigures;
  /** One row per commune with dossiers, for a province; empty for a commune. */
  communes: ({ code: string; fullName: string } & DossierFigures)[];
}

/** Aggregates only, no personal data: approvers, commune administrators, province viewers. */
export const getInsights = (code: string, period: { from: string; to: string }, signal?: AbortSignal) =>
  api.get<Insights>(`/api/insights/${encodeURIComponent(code)}`, { query: period, signal });
