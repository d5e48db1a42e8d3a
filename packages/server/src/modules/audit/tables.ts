import type { ColumnType } from 'kysely';

/** Who did something, as written into the audit log. */
export interface AuditActor {
  kind: 'citizen' | 'official' | 'system' | 'anonymous';
  id: string;
  name: string;
}

export interface AuditLogTable {
  /** The chain the entry links into: the unit of its dossier's code, 'system', or legacy 'audit'. */
  chain: string;
  /** Consecutive from 1 within the chain: a missing number is a deleted entry. */
  id: number;
  at: Date;
  actor: ColumnType<AuditActor, string, string>;
  action: string;
  dossier_code: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

/** One row per chain: its last entry's id and hash, so deleting the tail of a chain is detected too. */
export interface AuditHeadTable {
  name: string;
  last_id: number;
  last_hash: string;
  /** The hash last_hash replaced (the newest entry's prev_hash); null on rows from before chains. */
  prev_hash: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
