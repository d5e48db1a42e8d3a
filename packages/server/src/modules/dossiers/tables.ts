import type { ColumnType, Generated } from 'kysely';
import type { ActorRef, EventType } from '@motcua/core/dossier';

/** The event as stored: core's ActorRef plus the display name at the time of the action. */
export type StoredActor = ActorRef & { name: string };

export interface DossierEventTable {
  dossier_code: string;
  seq: number;
  type: EventType;
  at: Date;
  actor: ColumnType<StoredActor, string, string>;
  data: ColumnType<Record<string, unknown>, string, string>;
}

/**
 * Projection of the event log for lists, search and counts; rewritten in the same transaction as
 * each appended event. The log stays the source of truth (GET detail folds the events).
 */
export interface DossierTable {
  code: string;
  unit_code: string;
  procedure_code: string;
  procedure_name: string;
  state: string;
  version: number;
  channel: string;
  id_number: string;
  full_name: string;
  phone: string;
  email: string | null;
  hamlet: string | null;
  assignee_user_id: string | null;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  paused_at: Date | null;
  result_ready_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
  /** Code, CCCD and the diacritics-free name, for the office's free-text search. */
  search_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Date;
}

export interface DossierDailySequenceTable {
  unit_code: string;
  day: string;
  last_seq: number;
}

export interface DossierReservedRangeTable {
  unit_code: string;
  day: string;
  first_seq: number;
  last_seq: number;
  holder: string;
}

export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  dossier_code: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface DossierFeeAdjustmentTable {
  id: Generated<string>;
  dossier_code: string;
  from_vnd: number | null;
  to_vnd: number;
  reason: string;
  by_user_id: string;
  by_name: string;
  at: Date;
}

export interface DossiersTables {
  dossier: DossierTable;
  dossier_event: DossierEventTable;
  dossier_daily_sequence: DossierDailySequenceTable;
  dossier_reserved_range: DossierReservedRangeTable;
  idempotency_key: IdempotencyKeyTable;
  dossier_fee_adjustment: DossierFeeAdjustmentTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends DossiersTables {}
}
