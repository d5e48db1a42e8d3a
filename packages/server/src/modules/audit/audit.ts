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
/** The chain of entries written before chains were per unit (migration 2026112380). */
export const LEGACY_CHAIN = 'audit';
/** Entries about no dossier (e.g. a file opened before it was attached). */
export const SYSTEM_CHAIN = 'system';
// Codes read from the right (agency codes may hold hyphens): AGENCY-YYMMDD-NNNN.
const DOSSIER_CODE_UNIT = /^(.+)-\d{6}-\d{4,}$/;

/**
 * The chain an entry joins: the unit in its dossier's code. So a dossier's whole trail lies in one
 * chain (in id order), and communes never wait for each other's appends.
 */
export function auditChainOf(dossierCode: string | null): string {
  return (dossierCode && DOSSIER_CODE_UNIT.exec(dossierCode)?.[1]) || SYSTEM_CHAIN;
}

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
 * The canonical JSON that entryHash hashes, cut before the id: `id` sorts after every other key,
 * so the text is `<prefix><id>}` and the database can finish it once it knows the id.
 */
function bodyBeforeId(e: AuditEntry): string {
  const body = canonicalJson({ id: 0, at: e.at.toISOString(), actor: e.actor, action: e.action, dossierCode: e.dossierCode, detail: e.detail });
  if (!body.endsWith(',"id":0}')) throw new Error('audit: id must be the last key of the hashed body');
  return body.slice(0, -'0}'.length);
}

/**
 * Appends one entry to its chain (auditChainOf) in one statement. Must run inside the caller's
 * transaction: the upsert of the chain's head row locks it until that transaction ends, so the
 * chain's entries get consecutive ids and each links to the one before it on both engines, and the
 * entry exists if and only if the change it records was committed. The database computes the hash
 * (same bytes as entryHash) from the head it just locked, so the lock is held for this one round
 * trip and the commit: call it last in the transaction.
 */
export async function appendAudit(trx: Db, entry: AuditEntry): Promise<{ id: number; hash: string }> {
  const chain = auditChainOf(entry.dossierCode);
  const prefix = bodyBeforeId(entry);
  const hashOf = (prev: unknown, id: unknown) => sql`encode(sha256(convert_to(${prev} || ${prefix}::text || (${id})::text || '}', 'UTF8')), 'hex')`;
  const r = await sql<{ id: number; hash: string }>`
    with head as (
      insert into audit_head as h (name, last_id, prev_hash, last_hash)
      values (${chain}, 1, ${GENESIS_HASH}, ${hashOf(sql`${GENESIS_HASH}::text`, 1)})
      on conflict (name) do update
        set last_id = h.last_id + 1, prev_hash = h.last_hash, last_hash = ${hashOf(sql`h.last_hash`, sql`h.last_id + 1`)}
      returning last_id, prev_hash, last_hash
    )
    insert into audit_log (chain, id, at, actor, action, dossier_code, detail, prev_hash, hash)
    select ${chain}, last_id, ${entry.at}, ${JSON.stringify(entry.actor)}::jsonb, ${entry.action}, ${entry.dossierCode}, ${JSON.stringify(entry.detail)}::jsonb, prev_hash, last_hash
    from head
    returning id, hash`.execute(trx);
  const row = r.rows[0]!;
  return { id: Number(row.id), hash: row.hash };
}

/** A dossier's audit trail, oldest first (for the office's "who saw what" view). */
export async function auditTrail(db: Db, dossierCode: string) {
  // One chain per dossier (auditChainOf), after any entries it had in the legacy chain.
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'detail'])
    .where('dossier_code', '=', dossierCode)
    .orderBy(sql`chain = ${LEGACY_CHAIN}`, 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), at: new Date(r.at), actor: r.actor, action: r.action, detail: r.detail }));
}
