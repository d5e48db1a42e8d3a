import type { Insights, InsightsQuery } from '@motcua/core/api';
import { api } from '../../api/client.ts';

/** Aggregates only, no personal data: approvers, commune administrators, province viewers. */
export const getInsights = (code: string, period: Required<InsightsQuery>, signal?: AbortSignal) =>
  api.get<Insights>(`/api/insights/${encodeURIComponent(code)}`, { query: period, signal });
