import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { DOSSIER_NOTICE } from './outbox.ts';

export interface SentNotice {
  dossierCode: string;
  action: string;
  channel: string;
  recipient: string;
  deliveredAt: string;
}

/** The notices delivered about these dossiers (to whom, by which channel, when), oldest first. */
export async function noticesSentFor(db: Db, dossierCodes: readonly string[]): Promise<SentNotice[]> {
  if (dossierCodes.length === 0) return [];
  const rows = await db
    .selectFrom('notification_delivery as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select(['d.channel', 'd.recipient', 'd.delivered_at', sql<string>`o.payload->>'dossierCode'`.as('code'), sql<string>`o.payload->>'action'`.as('action')])
    .where('o.topic', '=', DOSSIER_NOTICE)
    .where(sql<string>`o.payload->>'dossierCode'`, 'in', [...dossierCodes])
    .orderBy('d.delivered_at')
    .orderBy('d.outbox_id')
    .execute();
  return rows.map((r) => ({
    dossierCode: r.code,
    action: r.action,
    channel: r.channel,
    recipient: r.recipient,
    deliveredAt: new Date(r.delivered_at).toISOString(),
  }));
}
