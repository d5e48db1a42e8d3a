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

/**
 * A chain head signed with its unit's key (anchoring.ts). Kept here for the public page and the
 * daily report; it proves something only because copies of it live outside this database.
 */
export interface AuditAnchorTable {
  chain: string;
  entry_id: number;
  head_hash: string;
  signed_at: Date;
  algorithm: string;
  /** Base64 signature over anchorStatement(chain, entry_id, head_hash, signed_at). */
  signature: string;
  certificate_pem: string;
  /** The other certificates of the signer's PKCS#12 (its CA), JSON array of PEM. */
  ca_pems: ColumnType<string[], string, string>;
  /** The unit whose key signed (or 'system') and its certificate's name. */
  signer_code: string;
  signer_name: string;
}

/** One row per chain and Vietnam day whose report to the unit's leaders was queued (outbox). */
export interface AuditAnchorReportTable {
  chain: string;
  day: ColumnType<string, string, string>;
  recipients: number;
  queued_at: Date;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_anchor: AuditAnchorTable;
  audit_anchor_report: AuditAnchorReportTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends AuditTables {}
}
