// Test helpers for the audit module: what a forger with write access to the database does.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { entryHash, GENESIS_HASH } from './audit.ts';

/**
 * Rewrites a chain from entry `fromId` on: `edit` changes the entry's content, then every hash from
 * there, every link and the head are recomputed so that the chain alone verifies. Returns the new head hash.
 */
export async function rewriteTail(db: Db, chain: string, fromId: number, edit: (detail: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const rows = await db.selectFrom('audit_log').selectAll().where('chain', '=', chain).orderBy('id').execute();
  let prev = GENESIS_HASH;
  let prevOfLast = GENESIS_HASH;
  for (const r of rows) {
    const id = Number(r.id);
    if (id >= fromId) {
      const detail = id === fromId ? edit(r.detail) : r.detail;
      const hash = entryHash(prev, id, { at: new Date(r.at), actor: r.actor, action: r.action, dossierCode: r.dossier_code, detail });
      await sql`update audit_log set detail = ${JSON.stringify(detail)}::jsonb, prev_hash = ${prev}, hash = ${hash} where chain = ${chain} and id = ${id}`.execute(
        db,
      );
      prevOfLast = prev;
      prev = hash;
    } else {
      prevOfLast = prev;
      prev = r.hash;
    }
  }
  await sql`update audit_head set last_hash = ${prev}, prev_hash = ${prevOfLast} where name = ${chain}`.execute(db);
  return prev;
}
