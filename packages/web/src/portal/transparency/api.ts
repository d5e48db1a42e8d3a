import type { PublicInsights, UnitList } from '@motcua/core/api';
import { api } from '../../api/client.ts';

/** The public transparency figures (GET /api/public/insights/{code}): scores and counts, no person named. */
export const getPublicInsights = (code: string, period: { from?: string; to?: string }, signal?: AbortSignal) =>
  api.get<PublicInsights>(`/api/public/insights/${encodeURIComponent(code)}`, { query: period, signal });

/** Current provinces and communes matching a name (diacritics optional), to pick whose figures to read. */
export const findUnits = async (q: string, signal?: AbortSignal) => (await api.get<UnitList>('/api/units', { query: { q, limit: 20 }, signal })).items;
