import type { DataKind, Text } from './table.ts';

/**
 * Wire shape of `GET /api/me/access-log`: each time an official opened a citizen's personal data
 * (khoản 1 Điều 9 Nghị định 13/2023: the right to know). Names and places, never internal ids.
 */
export interface AccessLogEntry {
  at: string;
  dossierCode: string;
  viewer: {
    name: string;
    /** Role names as stored (receptionist, specialist…); the app shows their labels. */
    roles: string[];
    units: { code: string; name: string }[];
    /** Signed in, or a program using an API token of the unit. */
    via: 'session' | 'token' | 'unknown';
  };
  /** What was opened, in words (e.g. the name of the file). */
  what: Text;
  kinds: DataKind[];
}

export interface AccessLogResponse {
  items: AccessLogEntry[];
}
