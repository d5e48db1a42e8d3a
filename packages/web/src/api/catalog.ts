import { api } from './client.ts';
import type { Procedure, ProcedureList, ProcedureQuery } from '@motcua/core/api';

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
