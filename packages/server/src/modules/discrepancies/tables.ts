import type { ColumnType } from 'kysely';
import type { Discrepancy, ExtractKind } from '@motcua/core/discrepancies';
import type { DiscrepancyStatus } from '@motcua/core/api';

type Json<T> = ColumnType<T, string, string>;

export interface DiscrepancyImportTable {
  id: string;
  unit_code: string;
  kind: ExtractKind;
  filename: string;
  state: 'running' | 'done' | 'failed';
  rows_read: ColumnType<number, number | undefined, number>;
  rows_stored: ColumnType<number, number | undefined, number>;
  rows_bad: ColumnType<number, number | undefined, number>;
  problems: ColumnType<{ row: number; reason: string }[], string | undefined, string>;
  failure: string | null;
  discrepancies: number | null;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
}

export interface ExtractRecordTable {
  unit_code: string;
  kind: ExtractKind;
  key: string;
  record: Json<unknown>;
  import_id: string;
}

export interface DiscrepancyTable {
  id: string;
  unit_code: string;
  fingerprint: string;
  type: string;
  hamlet_code: string | null;
  data: Json<Discrepancy>;
  status: ColumnType<DiscrepancyStatus, DiscrepancyStatus | undefined, DiscrepancyStatus>;
  note: string | null;
  dossier_code: string | null;
  outreach_session_id: string | null;
  assistance_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Date;
  updated_at: Date;
}

export interface DiscrepancyTables {
  discrepancy_import: DiscrepancyImportTable;
  extract_record: ExtractRecordTable;
  discrepancy: DiscrepancyTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends DiscrepancyTables {}
}
