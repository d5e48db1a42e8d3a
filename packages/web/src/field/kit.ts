import type { WorkCalendar } from '@motcua/core/calendar';
import type { Procedure } from '@motcua/core/catalog';
import type { ReservedCodeBlock } from '@motcua/core/dossier';
import type { ServerClock } from '@motcua/core/field';

/** GET /api/office/outreach/sessions/{id}/kit (packages/server/src/modules/outreach/kit.ts FieldKit). */
export interface FieldKit {
  issuedAt: string;
  /** The server's clock at download: the app's first clock reading (clock.ts). Absent in kits saved before issue #10. */
  serverClock?: ServerClock;
  session: {
    id: string;
    roundId: string;
    roundTitle: string;
    unitCode: string;
    unitName: string;
    day: string;
    part: string;
    startsAt: string;
    endsAt: string;
    meetingPoint: string;
    hamletCodes: string[];
  };
  procedures: Procedure[];
  calendar: WorkCalendar;
  hamlets: { code: string; name: string; kind: string; distanceKm: number | null; travelMinutes: number | null }[];
  team: { userId: string; fullName: string; roles: string[] }[];
  residentsNeedingHelp: { id: string; hamletCode: string; fullName: string; reason: string; note: string | null }[];
  codeBlock: ReservedCodeBlock & { size: number; format: string };
  credential: { id: string; token: string; expiresAt: string; scope: string; header: string };
  sync: { opsUrl: string; uploadsUrl: string; maxOpsPerBatch: number; chunkSize: number };
}

/** A planned session as the round API lists it. */
export interface PlannedSession {
  id: string;
  roundId: string;
  day: string;
  part: string;
  startsAt: string;
  meetingPoint: string;
  hamletCodes: string[];
  status: 'planned' | 'cancelled';
}

export const hamletName = (kit: FieldKit, code: string | null | undefined): string => (code && kit.hamlets.find((h) => h.code === code)?.name) || code || '—';

export const procedureOf = (kit: FieldKit, code: string | undefined): Procedure | undefined => kit.procedures.find((p) => p.code === code);
