import type { ColumnType } from 'kysely';

/** Who did something, as written into the audit log. */
export interface AuditActor {
  kind: 'citizen' | 'official' | 'system' | 'anonymous';
  id: string;
  name: string;
}

export interface AuditLogTable {
  /** Consecutive from 1: a missing number is a deleted entry. */
  id: number;
  at: Date;
  actor: ColumnType<AuditActor, string, string>;
  action: string;
  dossier_code: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

/** One row: the last entry's id and hash, so deleting the tail of the log is detected too. */
export interface AuditHeadTable {
  name: string;
  last_id: number;
  last_hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
