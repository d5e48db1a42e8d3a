import type { DiscrepancyFixResult, DiscrepancyImport, DiscrepancyImportList, DiscrepancyPage, DiscrepancyQuery, RoundList, RoundView } from '@motcua/core/api';
import { api } from '../../api/client.ts';

export const listDiscrepancies = (q: DiscrepancyQuery, signal?: AbortSignal) => api.get<DiscrepancyPage>('/api/office/discrepancies', { query: q, signal });
export const listImports = (unit: string, signal?: AbortSignal) =>
  api.get<DiscrepancyImportList>('/api/office/discrepancies/imports', { query: { unit }, signal });

export function uploadExtract(unit: string, kind: 'civil_status' | 'population', file: File): Promise<DiscrepancyImport> {
  const form = new FormData();
  // The fields come before the file: the server reads them first, then streams the file.
  form.append('unit', unit);
  form.append('kind', kind);
  form.append('file', file);
  return api.post<DiscrepancyImport>('/api/office/discrepancies/imports', form);
}

export const openCorrectionDossier = (id: string, phone: string) =>
  api.post<DiscrepancyFixResult>(`/api/office/discrepancies/${encodeURIComponent(id)}/dossier`, { phone });
export const addToVisit = (id: string, sessionId: string) =>
  api.post<DiscrepancyFixResult>(`/api/office/discrepancies/${encodeURIComponent(id)}/visit`, { sessionId });

/** Planned sessions of the unit's rounds, for "add to an outreach session". */
export async function plannedSessions(unit: string, signal?: AbortSignal) {
  const rounds = await api.get<RoundList>('/api/office/outreach/rounds', { query: { unit }, signal });
  const views = await Promise.all(rounds.items.map((r) => api.get<RoundView>(`/api/office/outreach/rounds/${encodeURIComponent(r.id)}`, { signal })));
  return views.flatMap((v) => v.sessions.filter((s) => s.status === 'planned'));
}
