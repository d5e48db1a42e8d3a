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

export interface NotificationsTables {
  outbox: OutboxTable;
  notification_delivery: NotificationDeliveryTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends NotificationsTables {}
}
