import type { AgencyCodeBody, CalendarYear, HolidayAnnouncement, HolidayAnnouncementBody, UnitAgencyCode } from '@motcua/core/api';
import { api } from '../../api/client.ts';

export const calendarYear = (year: number, signal?: AbortSignal) => api.get<CalendarYear>(`/api/calendar/year?year=${year}`, { signal });
export const recordAnnouncement = (body: HolidayAnnouncementBody) => api.post<HolidayAnnouncement>('/api/calendar/announcements', body);
export const withdrawAnnouncement = (id: number, reason: string) => api.post<HolidayAnnouncement>(`/api/calendar/announcements/${id}/withdraw`, { reason });
export const agencyCodeOf = (unit: string, signal?: AbortSignal) => api.get<UnitAgencyCode>(`/api/units/${encodeURIComponent(unit)}/agency-code`, { signal });
export const setAgencyCode = (unit: string, body: AgencyCodeBody) => api.put<UnitAgencyCode>(`/api/units/${encodeURIComponent(unit)}/agency-code`, body);
