import { api } from './client.ts';
import type { AccessLog, AccessLogEntry } from '@motcua/core/api';

export type { AccessLogEntry };

/** Officials' reads of the citizen's data, newest first (GET /api/me/access-log). */
export async function myAccessLog(signal?: AbortSignal): Promise<AccessLogEntry[]> {
  return (await api.get<AccessLog>('/api/me/access-log', { signal })).items;
}

/** Everything Motcua holds about the signed-in citizen, as a JSON file the browser downloads. */
export const MY_DATA_EXPORT_URL = '/api/me/export';
