import type { ColumnType, Generated } from 'kysely';

/** Whatever a topic's handler expects; the outbox stores it as JSON and does not look inside. */
export type OutboxPayload = object;

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
  /** The SMTP Message-ID, the SMS gateway's id, the id of the document a job issued. */
  provider_id: string;
  delivered_at: Date;
}
