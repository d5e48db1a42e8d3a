import type { NotificationDeliveryTable, OutboxTable } from '../../platform/outbox/index.ts';

export type { NotificationDeliveryTable, OutboxPayload, OutboxTable } from '../../platform/outbox/index.ts';

/** What a state change announces; the notifications worker turns it into e-mail and SMS. */
export interface DossierNoticePayload {
  dossierCode: string;
  unitCode: string;
  procedureCode: string;
  procedureName: string;
  action: string;
  state: string;
  previousState: string | null;
  at: string;
  dueAt: string | null;
  reason?: string;
  /** Optional details some notices use when present (the transfer's new unit, how to collect). */
  unitName?: string;
  deliveryMethod?: 'counter' | 'post' | 'electronic';
  /** Public page that verifies the signed result (results module). */
  verifyUrl?: string;
  /** Postal delivery: the carrier's tracking number and the cash-on-delivery fee to pay. */
  trackingNumber?: string;
  codFeeVnd?: number;
  /** A single-use link to rate the dossier without logging in (ratings module). */
  ratingUrl?: string;
  recipient: { fullName: string; phone: string | null; email: string | null; lang: 'vi' | 'en' };
}

/** What a provider said about one message on one channel (see migration 2026120270). */
export interface NoticeReceiptTable {
  outbox_id: number;
  channel: string;
  recipient: string;
  provider_id: string | null;
  /** 'accepted' (the provider took it), 'delivered', 'failed', 'refused' (Zalo said no; SMS carried it). */
  status: string;
  detail: string | null;
  updated_at: Date;
}

export interface NotificationPreferenceTable {
  citizen_subject: string;
  phone: string;
  channel: 'sms' | 'zalo';
  consent_text: string;
  consented_at: Date;
}

export interface ZaloOauthTokenTable {
  app_id: string;
  access_token: string;
  refresh_token: string;
  expires_at: Date;
}

export interface NotificationsTables {
  outbox: OutboxTable;
  notification_delivery: NotificationDeliveryTable;
  notice_receipt: NoticeReceiptTable;
  notification_preference: NotificationPreferenceTable;
  zalo_oauth_token: ZaloOauthTokenTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends NotificationsTables {}
}
