import type { ColumnType, Generated } from 'kysely';

export interface FeedbackTable {
  code: string;
  unit_code: string;
  topic: string;
  dossier_code: string | null;
  text: string;
  full_name: string;
  phone: string;
  id_number: string | null;
  channel: string;
  publish_consent: boolean;
  submitted_at: Date;
  due_at: Date;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  answer_rating: number | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    feedback: FeedbackTable;
  }
}

export interface FeedbackPhoneCodeTable {
  id: Generated<number>;
  phone: string;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  attempts: ColumnType<number, number | undefined, number>;
  used_at: Date | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    feedback_phone_code: FeedbackPhoneCodeTable;
  }
}
