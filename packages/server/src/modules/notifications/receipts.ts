import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import type { ZaloToken, ZaloTokenStore } from './zalo.ts';

export type ReceiptStatus = 'accepted' | 'delivered' | 'failed' | 'refused';

/** Records (or replaces) what a provider said about one message on one channel. */
export async function recordReceipt(
  db: Db,
  r: { outboxId: number; channel: string; recipient: string; providerId: string | null; status: ReceiptStatus; detail?: string | null; at: Date },
): Promise<void> {
  const values = {
    outbox_id: r.outboxId,
    channel: r.channel,
    recipient: r.recipient,
    provider_id: r.providerId,
    status: r.status,
    detail: r.detail ?? null,
    updated_at: r.at,
  };
  await db
    .insertInto('notice_receipt')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['outbox_id', 'channel']).doUpdateSet({ provider_id: r.providerId, status: r.status, detail: r.detail ?? null, updated_at: r.at }),
    )
    .execute();
}

/**
 * A provider's delivery report: advances the receipt of that provider message. A report never
 * takes "delivered" back (reports can arrive out of order). Returns whether a receipt matched.
 */
export async function applyDeliveryReport(
  db: Db,
  channel: 'sms' | 'zalo',
  providerId: string,
  status: 'delivered' | 'failed',
  detail: string | null,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('notice_receipt')
    .set({ status, detail, updated_at: at })
    .where('channel', '=', channel)
    .where('provider_id', '=', providerId)
    .where('status', '!=', 'delivered')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) return true;
  const known = await db.selectFrom('notice_receipt').select('status').where('channel', '=', channel).where('provider_id', '=', providerId).executeTakeFirst();
  return known !== undefined;
}

export interface NoticeReceipt {
  outboxId: number;
  action: string;
  createdAt: string;
  channel: string;
  recipient: string;
  status: ReceiptStatus | 'pending' | 'parked';
  detail: string | null;
  updatedAt: string | null;
}

/**
 * Every notice of a dossier with each channel's state: the receipts, and for messages not yet
 * (or never) handed to a provider, 'pending' or 'parked' (the worker gave up).
 */
export async function noticeReceiptsFor(db: Db, dossierCode: string): Promise<NoticeReceipt[]> {
  const rows = await db
    .selectFrom('outbox as o')
    .leftJoin('notice_receipt as r', 'r.outbox_id', 'o.id')
    .select([
      'o.id',
      'o.created_at',
      'o.parked_at',
      'o.done_at',
      'o.last_error',
      sql<string>`o.payload->>'action'`.as('action'),
      'r.channel',
      'r.recipient',
      'r.status',
      'r.detail',
      'r.updated_at',
    ])
    .where('o.topic', '=', DOSSIER_NOTICE)
    .where(sql<string>`o.payload->>'dossierCode'`, '=', dossierCode)
    .orderBy('o.id')
    .orderBy('r.channel')
    .execute();
  return rows
    .filter((r) => r.channel !== null || r.done_at === null)
    .map((r) => ({
      outboxId: Number(r.id),
      action: r.action,
      createdAt: new Date(r.created_at).toISOString(),
      channel: r.channel ?? 'outbox',
      recipient: r.recipient ?? '',
      status: (r.status as ReceiptStatus | null) ?? (r.parked_at ? 'parked' : 'pending'),
      detail: r.detail ?? (r.parked_at ? r.last_error : null),
      updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    }));
}

/** The Zalo token pair in the database, shared by every worker process. */
export function dbZaloTokenStore(db: Db, appId: string): ZaloTokenStore {
  return {
    async load(): Promise<ZaloToken | null> {
      const r = await db.selectFrom('zalo_oauth_token').selectAll().where('app_id', '=', appId).executeTakeFirst();
      return r ? { accessToken: r.access_token, refreshToken: r.refresh_token, expiresAt: new Date(r.expires_at) } : null;
    },
    async save(t) {
      await db
        .insertInto('zalo_oauth_token')
        .values({ app_id: appId, access_token: t.accessToken, refresh_token: t.refreshToken, expires_at: t.expiresAt })
        .onConflict((oc) => oc.column('app_id').doUpdateSet({ access_token: t.accessToken, refresh_token: t.refreshToken, expires_at: t.expiresAt }))
        .execute();
    },
  };
}

/**
 * Zalo signs its webhooks in X-ZEvent-Signature: "mac=" + hex SHA-256 of app_id + the raw body +
 * the body's timestamp + the OA secret key (not the app secret). Read in secondary sources (Zalo
 * OA integration guides, e.g. hainh.me "Zalo API – Webhook"); the official page was not at hand.
 */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash('sha256')
    .update(appId + rawBody + timestamp + oaSecretKey, 'utf8')
    .digest('hex')}`;
}

/** Our SMS gateway contract (no standard exists): "sha256=" + hex HMAC-SHA256 of the raw body. */
export function smsReceiptSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function sameSignature(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(given.trim().toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
