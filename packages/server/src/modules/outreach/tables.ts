import type { ColumnType, Generated } from 'kysely';
import type { AssistanceReason, OutreachRule, SessionPart, SessionStatus } from '@motcua/core/api';

type Json<T> = ColumnType<T, string, string>;
type Created = ColumnType<Date, Date, never>;

/** The wire contract's unions; a recurring rule: these weekdays (0 = Sunday), this half-day, between two dates inclusive. */
export type { AssistanceReason, OutreachRule, SessionPart };

export interface OutreachRoundTable {
  id: string;
  unit_code: string;
  title: string;
  meeting_point: string;
  rules: Json<OutreachRule[]>;
  hamlet_codes: Json<string[]>;
  team_user_ids: Json<string[]>;
  procedure_codes: Json<string[]>;
  note: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Created;
  updated_at: Date;
}

export interface OutreachSessionTable {
  id: string;
  round_id: string;
  unit_code: string;
  day: string;
  part: SessionPart;
  starts_at: string;
  ends_at: string;
  hamlet_codes: Json<string[]>;
  meeting_point: string;
  status: ColumnType<SessionStatus, SessionStatus | undefined, SessionStatus>;
}

export interface ResidentAssistanceTable {
  id: string;
  unit_code: string;
  hamlet_code: string;
  full_name: string;
  reason: AssistanceReason;
  note: string | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: Created;
  updated_at: Date;
}

export interface OutreachCodeBlockTable {
  unit_code: string;
  block_index: number;
  session_id: string;
  user_id: string;
  device_id: string;
  issued_at: Date;
  day: string;
  first_seq: number;
  last_seq: number;
  agency_code: string;
  returned_at: Date | null;
}

export interface OutreachSigningKeyTable {
  id: number;
  secret: string;
}

export interface OutreachCredentialTable {
  id: string;
  session_id: string;
  user_id: string;
  device_id: string;
  token_hash: string;
  issued_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export type OpStatus = 'applied' | 'rejected' | 'conflict';

export interface OutreachOpTable {
  client_op_id: string;
  session_id: string;
  user_id: string;
  kind: string;
  status: OpStatus;
  request_hash: string;
  result: Json<Record<string, unknown> | null>;
  error: Json<Record<string, unknown> | null>;
  applied_at: Date;
}

export interface OutreachDossierTable {
  dossier_code: string;
  session_id: string;
  client_op_id: string;
  hamlet_code: string | null;
  procedure_code: string;
  received_at: Date;
  completed_on_spot_at: Date | null;
}

export interface OutreachConsultationTable {
  client_op_id: string;
  session_id: string;
  hamlet_code: string | null;
  topic: string;
  procedure_code: string | null;
  people: number;
  at: Date;
}

export interface OutreachSurveyTable {
  client_op_id: string;
  session_id: string;
  hamlet_code: string | null;
  overall: number;
  staff: number;
  convenience: number;
  comment: string | null;
  at: Date;
}

export interface OutreachUploadTable {
  id: string;
  session_id: string;
  user_id: string;
  size: number;
  sha256: string;
  media_type: string;
  filename: string;
  chunk_size: number;
  chunk_count: number;
  upload_id: string | null;
  created_at: Created;
  completed_at: Date | null;
}

export interface OutreachUploadChunkTable {
  outreach_upload_id: string;
  idx: number;
  sha256: string;
  data: Buffer;
}

export interface OutreachTables {
  outreach_round: OutreachRoundTable;
  outreach_session: OutreachSessionTable;
  resident_assistance: ResidentAssistanceTable;
  outreach_code_block: OutreachCodeBlockTable;
  outreach_signing_key: OutreachSigningKeyTable;
  outreach_credential: OutreachCredentialTable;
  outreach_op: OutreachOpTable;
  outreach_dossier: OutreachDossierTable;
  outreach_consultation: OutreachConsultationTable;
  outreach_survey: OutreachSurveyTable;
  outreach_upload: OutreachUploadTable;
  outreach_upload_chunk: OutreachUploadChunkTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends OutreachTables {}
}
