import { api } from './client.ts';
import type { NoticeDelivery, NoticeDeliveryList, NotificationPreference, NotificationPreferenceBody, NotificationPreferenceState } from '@motcua/core/api';

const enc = encodeURIComponent;

export type { NoticeDelivery, NotificationPreference, NotificationPreferenceState };

export function myNotificationPreference(signal?: AbortSignal): Promise<NotificationPreferenceState> {
  return api.get<NotificationPreferenceState>('/api/me/notification-preference', { signal });
}

export function saveNotificationPreference(body: NotificationPreferenceBody): Promise<NotificationPreference> {
  return api.put<NotificationPreference>('/api/me/notification-preference', body);
}

export async function dossierNotices(code: string, signal?: AbortSignal): Promise<NoticeDelivery[]> {
  return (await api.get<NoticeDeliveryList>(`/api/office/dossiers/${enc(code)}/notices`, { signal })).items;
}
