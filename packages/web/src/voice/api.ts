import { api } from '../api/client.ts';
import type { KioskLink, MyRatings, RatingBody, RatingLinkInfo, RatingReceipt } from '@motcua/core/api';

export const rateDossier = (code: string, body: RatingBody) => api.post<RatingReceipt>(`/api/dossiers/${encodeURIComponent(code)}/rating`, body);
export const ratingLink = (token: string, signal?: AbortSignal) => api.get<RatingLinkInfo>(`/api/ratings/links/${encodeURIComponent(token)}`, { signal });
export const myRatings = (signal?: AbortSignal) => api.get<MyRatings>('/api/me/ratings', { signal });
export const openKiosk = (code: string) => api.post<KioskLink>(`/api/dossiers/${encodeURIComponent(code)}/rating-kiosk`);
