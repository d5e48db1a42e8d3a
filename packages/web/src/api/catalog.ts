import { api } from './client.ts';
import type { ListResponse, Procedure, ProcedureQuery } from './types.ts';

export async function searchProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<Procedure[]> {
  const { items } = await api.get<ListResponse<Procedure>>('/api/procedures', {
    query: { q: query.q?.trim(), field: query.field, online: query.online },
    signal,
  });
  return items;
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<Procedure> {
  return api.get<Procedure>(`/api/procedures/${encodeURIComponent(code)}`, { signal });
}
