/**
 * The field app's offline records, shared by the browser (Dexie) and Node (tests, bench): no DOM,
 * no IndexedDB here. Server contract: packages/server/src/modules/outreach/README.md.
 */

import type { FieldMediaType, OpKind, OpError as ServerOpError, OpResult } from '@motcua/core/api';

export type { OpKind };

/** queued → sending → applied | duplicate | rejected | conflict; a retryable failure goes back to queued. */
export type OpState = 'queued' | 'sending' | 'applied' | 'duplicate' | 'rejected' | 'conflict';

export const SETTLED_OK: readonly OpState[] = ['applied', 'duplicate'];

/** The server has the op and applied it (a duplicate of an applied op counts; of a refused one, not). */
export const isApplied = (item: Pick<OutboxItem, 'state' | 'original'>): boolean =>
  item.state === 'applied' || (item.state === 'duplicate' && (item.original?.status ?? 'applied') === 'applied');

/** Settled without effect: needs the official (or, when time cures it, a later resend). */
export const isRefused = (item: Pick<OutboxItem, 'state' | 'original' | 'dismissed'>): boolean =>
  !item.dismissed &&
  (item.state === 'rejected' || item.state === 'conflict' || (item.state === 'duplicate' && (item.original?.status ?? 'applied') !== 'applied'));

/**
 * The server's per-op error (a sync answer's `error`), also made from a refused HTTP call or by
 * the device itself (a file gone from storage), which leaves `retryable` out.
 */
export type OpError = Omit<ServerOpError, 'retryable'> & { retryable?: boolean };

/** AES-GCM ciphertext with its nonce (see crypto.ts). */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/**
 * What may stay on the device in clear: enough to count and list, nothing that names a person
 * (applicant, form answers and survey comments live only in the sealed body).
 */
export interface OpSummary {
  dossierCode?: string;
  procedureCode?: string;
  hamletCode?: string | null;
  receivedAt?: string;
  dueAt?: string;
  fileCount?: number;
  topic?: string;
  people?: number;
  ratings?: { overall: number; staff: number; convenience: number };
}

export interface OutboxItem {
  /** Client-generated UUID: the op's id on the server, reused on every retry. */
  id: string;
  /** Creation order; ops are sent in this order. */
  seq: number;
  sessionId: string;
  kind: OpKind;
  at: string;
  state: OpState;
  summary: OpSummary;
  /** The op that must be settled first (a complete_on_spot waits for its receive_dossier). */
  dependsOn?: string;
  /** Local file ids (receive_dossier attachments). */
  fileIds: string[];
  /**
   * The op body, encrypted. It is frozen ("prepared") before its first send: attachments become
   * server upload ids, baseVersion is filled in — so every resend is byte-identical and the
   * server's idempotency check (request hash) holds. Dropped once the server has the op.
   */
  sealed: Sealed | null;
  prepared: boolean;
  attempts: number;
  /** Epoch ms before which an automatic sync leaves this op alone (backoff). */
  nextAttemptAt: number;
  result?: OpResult['result'];
  error?: OpError;
  /** conflict: the dossier as the server has it now. */
  server?: OpResult['server'];
  /** duplicate: how the op was first settled. */
  original?: OpResult['original'];
  settledAt?: string;
  /** The official dropped this op after a rejection or conflict. */
  dismissed?: boolean;
}

export interface FieldFile {
  id: string;
  opId: string;
  name: string;
  mediaType: FieldMediaType;
  size: number;
  /** SHA-256 (hex) of the plain bytes, computed when captured. */
  sha256: string;
  sealed: Sealed | null;
  /** The server's resumable upload id, kept as soon as it is declared so a restart resumes it. */
  fieldUploadId?: string;
  complete: boolean;
}

/** Storage the sync engine needs; Dexie in the browser, memory in tests and the bench. */
export interface SyncStore {
  /** Items not yet settled (queued or sending), in seq order. */
  pending(sessionId: string): Promise<OutboxItem[]>;
  /** Items settled without effect (rejected, conflict, a duplicate of either), not dismissed, in seq order. */
  refused(sessionId: string): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  patch(id: string, patch: Partial<OutboxItem>): Promise<void>;
  file(id: string): Promise<FieldFile | undefined>;
  patchFile(id: string, patch: Partial<FieldFile>): Promise<void>;
  /** The server has the op: drop its sealed body and its files' bytes, keep the summary. */
  forget(id: string, patch: Partial<OutboxItem>): Promise<void>;
}
