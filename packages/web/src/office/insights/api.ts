import type { Insights, InsightsQuery } from '@motcua/core/api';
import { api } from '../../api/client.ts';

/** Aggregates only, no personal data: approvers, commune administrators, province viewers. */
export const getInsights = (code: string, period: Required<Pick<InsightsQuery, 'from' | 'to'>> & Pick<InsightsQuery, 'by'>, signal?: AbortSignal) =>
  api.get<Insights>(`/api/insights/${encodeURIComponent(code)}`, { query: period, signal });

/** The Excel workbook of the same figures (one sheet per Decision 766 group, formulas visible). */
export const excelUrl = (code: string, period: { from: string; to: string }) =>
  `/api/insights/${encodeURIComponent(code)}/excel?${new URLSearchParams(period)}`;
