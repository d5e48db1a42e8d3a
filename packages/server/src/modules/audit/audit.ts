import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import { canonicalJson } from './canonical.ts';
import type { AuditActor } from './tables.ts';

export type { AuditActor } from './tables.ts';

export interface AuditEntry {
  at: Date;
  actor: AuditActor;
  action: string;
  dossierCode: string | null;
  detail: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// Any constant works; it only has to be the same in every process that appends.
const AUDIT_LOCK_KEY = 7_236_001;
const HEAD = 'audit';

export function auditActor(actor: Actor | { kind: 'system'; name: string }): AuditActor {
  switch (actor.kind) {
    case 'citizen':
      return { kind: 'citizen', id: actor.idNumber, name: actor.fullName };
    case 'official':
      return { kind: 'official', id: actor.userId, name: actor.fullName };
    case 'system':
      return { kind: 'system', id: 'system', name: actor.name };
    default:
      return { kind: 'anonymous', id: '', name: '' };
  }
}

export function entryHash(prevHash: string, id: number, e: AuditEntry): string {
  const body = canonicalJson({ id, at: e.at.toISOString(), actor: e.actor, action: e.action, dossierCode: e.dossierCode, detail: e.detail });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one entry. Must run inside the caller's transaction: the advisory lock is held until
 * that transaction ends, so entries get consecutive ids and each links to the one before it on
 * both engines, and the entry exists if and only if the change it records was committed.
 */
export async function appendAudit(trx: Db, entry: AuditEntry): Promise<{ id: number; hash: string }> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const head = await trx.selectFrom('audit_head').select(['last_id', 'last_hash']).where('name', '=', HEAD).executeTakeFirst();
  const id = Number(head?.last_id ?? 0) + 1;
  const prevHash = head?.last_hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, id, entry);
  await trx
    .insertInto('audit_log')
    .values({
      id, at: entry.at, actor: JSON.stringify(entry.actor), action: entry.action,
      dossier_code: entry.dossierCode, detail: JSON.stringify(entry.detail), prev_hash: prevHash, hash,
    })
    .execute();
  await trx
    .insertInto('audit_head')
    .values({ name: HEAD, last_id: id, last_hash: hash })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: id, last_hash: hash }))
    .execute();
  return { id, hash };
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; entryId: number; problem: 'edited' | 'deleted'; message: string };

/** Walks the whole chain in id order and names the first entry that was edited or deleted. */
export async function verifyAuditChain(db: Db, batch = 1000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  const fail = (entryId: number, problem: 'edited' | 'deleted', message: string): VerifyResult =>
    ({ ok: false, entries: expectedId - 1, entryId, problem, message });
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>=', expectedId).orderBy('id').limit(batch).execute();
    for (const r of rows) {
      const id = Number(r.id);
      if (id !== expectedId) return fail(expectedId, 'deleted', `audit entry ${expectedId} is missing (deleted)`);
      if (r.prev_hash !== prevHash) {
        // The previous entry was rewritten together with its own hash; only the link betrays it.
        return fail(id - 1, 'edited', `audit entry ${id - 1} was altered (entry ${id} no longer links to it)`);
      }
      const entry: AuditEntry = { at: new Date(r.at), actor: r.actor, action: r.action, dossierCode: r.dossier_code, detail: r.detail };
      if (entryHash(prevHash, id, entry) !== r.hash) return fail(id, 'edited', `audit entry ${id} was altered (hash mismatch)`);
      prevHash = r.hash;
      expectedId++;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('name', '=', HEAD).executeTakeFirst();
  const lastId = expectedId - 1;
  if (head && Number(head.last_id) > lastId) return fail(lastId + 1, 'deleted', `audit entries ${lastId + 1}..${head.last_id} are missing (deleted)`);
  if (head && head.last_hash !== prevHash) return fail(lastId, 'edited', `audit entry ${lastId} was altered (does not match the recorded head)`);
  return { ok: true, entries: lastId };
}

/** A dossier's audit trail, oldest first (for the office's "who saw what" view). */
export async function auditTrail(db: Db, dossierCode: string) {
  const rows = await db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'detail']).where('dossier_code', '=', dossierCode).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), at: new Date(r.at), actor: r.actor, action: r.action, detail: r.detail }));
}

/**
 * The uploads module's hook for an official opening a file: attachments carry personal data, so
 * each view is appended to the log inside the read's own transaction.
 */
export function auditUploadRead(clock: { now(): Date }) {
  return (trx: Db, actor: Extract<Actor, { kind: 'official' }>, uploadId: string, dossierCode: string | null): Promise<void> =>
    appendAudit(trx, { at: clock.now(), actor: auditActor(actor), action: 'dossier.attachment.read', dossierCode, detail: { uploadId } }).then(() => undefined);
}
