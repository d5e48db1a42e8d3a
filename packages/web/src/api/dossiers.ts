import { api } from './client.ts';
import type {
  ActionBody,
  Colleague,
  ColleagueList,
  Dossier,
  DossierList,
  FeeAdjustmentBody,
  IssuedDocument,
  IssuedDocumentList,
  LookupResult,
  Me,
  PersonalDocument,
  PersonalDocumentList,
  QueuePage,
  QueueQuery,
  Role,
  Submission,
  UnitDaySummary,
  Hamlet,
  UnitDetail,
} from '@motcua/core/api';

const enc = encodeURIComponent;

export const getMe = (signal?: AbortSignal) => api.get<Me>('/api/me', { signal });

/**
 * Files a dossier. The key is made once per draft and sent with every retry, so a submit whose
 * answer was lost (the phone dropped the connection) returns the same dossier instead of a second one.
 */
export const submitDossier = (submission: Submission, idempotencyKey: string) =>
  api.post<Dossier>('/api/dossiers', submission, { headers: { 'idempotency-key': idempotencyKey } });

export const getDossier = (code: string, signal?: AbortSignal) => api.get<Dossier>(`/api/dossiers/${enc(code)}`, { signal });

export const actOnDossier = (code: string, body: ActionBody & { version: number }) => api.post<Dossier>(`/api/dossiers/${enc(code)}/actions`, body);

export async function myDossiers(signal?: AbortSignal): Promise<Dossier[]> {
  return (await api.get<DossierList>('/api/me/dossiers', { signal })).items;
}

export async function myDocuments(signal?: AbortSignal): Promise<PersonalDocument[]> {
  return (await api.get<PersonalDocumentList>('/api/me/documents', { signal })).items;
}

export const lookupDossier = (code: string, contact: string, signal?: AbortSignal) => {
  const digits = contact.replace(/\D/g, '');
  // 12 digits is a CCCD; anything else is read as a phone number.
  // Spaces and dots people type ("0912 345 678", "30421 261202 0001") are the server's to ignore.
  const query = digits.length === 12 ? { code: code.trim(), idNumber: digits } : { code: code.trim(), phone: digits || contact.trim() };
  return api.get<LookupResult>('/api/lookup', { query, signal });
};

export async function hamletsOf(unitCode: string, signal?: AbortSignal): Promise<Hamlet[]> {
  return (await api.get<{ items: Hamlet[] }>(`/api/units/${enc(unitCode)}/hamlets`, { signal })).items.filter((h) => h.active);
}

export const unitDetail = (code: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/units/${enc(code)}`, { signal });

/** The queue's filters (GET /api/office/dossiers) as read from the page's address: the server checks the values. */
export type QueueFilters = Omit<QueueQuery, 'channel'> & { channel?: string };

export const officeQueue = (filters: QueueFilters, signal?: AbortSignal) =>
  api.get<QueuePage>('/api/office/dossiers', {
    query: {
      ...filters,
      late: filters.late ? 'true' : undefined,
      assignedToMe: filters.assignedToMe ? 'true' : undefined,
    },
    signal,
  });

export const officeSummary = (unit: string, signal?: AbortSignal) => api.get<UnitDaySummary>('/api/office/summary', { query: { unit }, signal });

/** Active officials of a commune, optionally with one role: any official of that commune may ask. */
export async function unitColleagues(unit: string, role?: Role, signal?: AbortSignal): Promise<Colleague[]> {
  return (await api.get<ColleagueList>('/api/office/colleagues', { query: { unit, role }, signal })).items;
}

/** Same-origin address of an upload, for <img>, <iframe> and links (officials' views are audited per dossier). */
export function uploadUrl(id: string, dossierCode?: string): string {
  return `/api/uploads/${enc(id)}${dossierCode ? `?dossier=${enc(dossierCode)}` : ''}`;
}

/** Signed PDFs issued so far; they appear a moment after the step that issues them (outbox worker). */
export async function issuedDocuments(code: string, signal?: AbortSignal): Promise<IssuedDocument[]> {
  return (await api.get<IssuedDocumentList>(`/api/dossiers/${enc(code)}/documents`, { signal })).items;
}

/** An official of the dossier's unit sets the fee due, with a reason (audited). */
export const adjustFee = (code: string, body: FeeAdjustmentBody) => api.post<Dossier>(`/api/dossiers/${enc(code)}/fee`, body);
