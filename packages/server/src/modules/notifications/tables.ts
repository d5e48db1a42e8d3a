import type { ColumnType, Generated } from 'kysely';

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: ColumnType<OutboxPayload, string, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  available_at: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Date | null;
  done_at: Date | null;
  /** Set when the worker gave up (attempts exhausted or a permanent error); operators re-queue. */
  parked_at: Date | null;
}

/** One row per channel that accepted the message, so a retry never repeats a delivered channel. */
export interface NotificationDeliveryTable {
  outbox_id: number;
  channel: string;
  recipient: string;
  /** The SMTP Message-ID or the SMS gateway's id. */
  provider_id: string;
  delivered_at: Date;
}

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
  recipient: { fullName: string; phone: string | null; email: string | null; lang: 'vi' | 'en' };
}

export type OutboxPayload = DossierNoticePayload | Record<string, unknown>;

export interface NotificationsTables {
  outbox: OutboxTable;
  notification_delivery: NotificationDeliveryTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends NotificationsTables {}
}
