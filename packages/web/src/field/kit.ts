import type { FieldKit as KitAnswer, OutreachSession, Procedure } from '@motcua/core/api';

/**
 * GET /api/office/outreach/sessions/{id}/kit as the device keeps it: kits saved before issue #10
 * have no `serverClock`.
 */
export type FieldKit = Omit<KitAnswer, 'serverClock'> & { serverClock?: KitAnswer['serverClock'] };

/** A planned session as the round API lists it. */
export type PlannedSession = OutreachSession;

export const hamletName = (kit: FieldKit, code: string | null | undefined): string => (code && kit.hamlets.find((h) => h.code === code)?.name) || code || '—';

export const procedureOf = (kit: FieldKit, code: string | undefined): Procedure | undefined => kit.procedures.find((p) => p.code === code);
