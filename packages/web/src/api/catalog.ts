import { api } from './client.ts';
import type { Procedure, ProcedureList, ProcedureQuery } from '@motcua/core/api';

/** A unit as GET /api/units lists it (the units module). */
export interface UnitSummary {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
}

export async function searchProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<Procedure[]> {
  const { items } = await api.get<ProcedureList>('/api/procedures', {
    query: { q: query.q?.trim(), field: query.field, online: query.online },
    signal,
  });
  return items;
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return api.get<Procedure>(`/api/procedures/${encodeURIComponent(code)}`, { signal });
}

export async function searchUnits(q: string, signal?: AbortSignal): Promise<UnitSummary[]> {
  const { items } = await api.get<{ items: UnitSummary[] }>('/api/units', { query: { q: q.trim() }, signal });
  return items;
}
