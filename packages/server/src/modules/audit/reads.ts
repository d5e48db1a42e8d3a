import { sql } from 'kysely';
import type { DataKind } from '@motcua/core/privacy';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import { appendAudit, auditActor } from './audit.ts';

type Official = Extract<Actor, { kind: 'official' }>;

/**
 * Reads of personal data by officials, as audit entries (the controller keeps a log of its
 * processing, and khoản 1 Điều 9 Nghị định 13/2023 gives the citizen the right to know of it).
 * Each entry records the official's roles and units as they were at the read, so the citizen's
 * access log says who read in which capacity even after the account changes.
 */
export const READ_ACTIONS = [
  'dossier.read',
  'dossier.attachment.read',
  'results.document.list',
  'results.document.read',
  'results.shipment.list',
  'payments.list',
  'payments.receipt.read',
  'notifications.notice.list',
] as const;

export type ReadAction = (typeof READ_ACTIONS)[number] | 'dossier.queue.read' | 'outreach.residents.read';

export interface PersonalDataRead {
  action: ReadAction;
  /** The dossier read (its unit's chain); null for reads across dossiers (queue, residents). */
  dossierCode: string | null;
  kinds: DataKind[];
  detail?: Record<string, unknown>;
}

export function readDetail(actor: Official, read: PersonalDataRead): Record<string, unknown> {
  return { ...(read.detail ?? {}), kinds: read.kinds, as: { roles: actor.roles, unitCodes: actor.unitCodes, via: actor.via } };
}

/** Appends one read inside the caller's transaction (call it last: it takes the chain's lock). */
export async function appendRead(trx: Db, at: Date, actor: Official, read: PersonalDataRead): Promise<void> {
  await appendAudit(trx, { at, actor: auditActor(actor), action: read.action, dossierCode: read.dossierCode, detail: readDetail(actor, read) });
}

/** A read that has no transaction of its own: audited in one, before the data leaves. */
export function auditRead(db: Db, clock: { now(): Date }, actor: Actor, read: PersonalDataRead): Promise<void> {
  if (actor.kind !== 'official') return Promise.resolve();
  return inTransaction(db, (trx) => appendRead(trx, clock.now(), actor, read));
}

/**
 * The uploads module's hook for an official opening a file: attachments carry personal data, so
 * each view is appended to the log inside the read's own transaction.
 */
export function auditUploadRead(clock: { now(): Date }) {
  return (trx: Db, actor: Official, uploadId: string, dossierCode: string | null): Promise<void> =>
    appendRead(trx, clock.now(), actor, { action: 'dossier.attachment.read', dossierCode, kinds: ['documents'], detail: { uploadId } });
}

export interface ReadEntry {
  at: Date;
  dossierCode: string;
  action: string;
  actor: { kind: string; id: string; name: string };
  detail: Record<string, unknown>;
}

/** Officials' reads of these dossiers, newest first (every chain, the legacy one included). */
export async function readsOfDossiers(db: Db, codes: readonly string[], limit = 500): Promise<ReadEntry[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'dossier_code', 'action', 'actor', 'detail'])
    .where('dossier_code', 'in', [...codes])
    .where('action', 'in', [...READ_ACTIONS])
    .where(sql<boolean>`actor->>'kind' = 'official'`)
    .orderBy('at', 'desc')
    .orderBy('chain')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: new Date(r.at), dossierCode: r.dossier_code!, action: r.action, actor: r.actor, detail: r.detail }));
}
