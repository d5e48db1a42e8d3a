/**
 * Problem codes: the `code` of an RFC 9457 problem+json answer, and of a field sync operation's
 * error, declared once for the server, the field app, its sync engine and the engine's test
 * double. Compare and raise them through `PROBLEM.<code>` so that a renamed code fails to
 * compile on every side instead of leaving a branch that never runs (issue #10: the engine
 * waited for `sha256_mismatch` while the server sent `checksum_mismatch`).
 *
 * Grouped by who raises them. To add a code, add it to its group; a group per module keeps the
 * list readable when every module's codes are here.
 */

/** Raised by the platform for any route (error handler, access control, rate limits). */
export const PLATFORM_PROBLEMS = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'csrf_failed',
  'internal',
] as const;

/** The uploads module (/api/uploads) and its content gate. */
export const UPLOAD_PROBLEMS = [
  'upload_not_found',
  'upload_too_large',
  'upload_empty',
  'upload_heic_unsupported',
  'upload_unsupported_type',
  'upload_incomplete',
  'document_not_found',
  'file_unavailable',
] as const;

/** The dossier workflow and intake (decide's errors mapped to HTTP, idempotency, numbering). */
export const DOSSIER_PROBLEMS = [
  'invalid_state',
  'late_needs_apology',
  'invalid_input',
  'version_conflict',
  'idempotency_key_reused',
  'daily_capacity',
  // An operation time passed by a module that works offline (outreach) that the log cannot take.
  'field_time_before_history',
  'field_time_in_future',
  // A fee adjustment on a closed dossier (modules/dossiers adjustFee).
  'fee_locked',
] as const;

/** Outreach: kits, offline credentials, resumable field uploads and the sync of field operations. */
export const OUTREACH_PROBLEMS = [
  'session_cancelled',
  'outreach_credential_invalid',
  // Field uploads (`upload_incomplete` above: chunks still missing).
  'chunk_mismatch',
  'checksum_mismatch',
  // Sync: per-operation refusals.
  'op_id_reused',
  'not_received_here',
  'hamlet_not_in_unit',
  'code_not_reserved',
  'code_date_mismatch',
  'code_already_used',
  'not_session_day',
  'procedure_not_offered',
  'field_time_before_session',
  'field_time_after_window',
  /** Legacy (before issue #10): a receipt ahead of the server's clock, recorded as final. Re-applied on resend. */
  'received_in_future',
] as const;

/** Payments (modules/payments): fee collection, refunds. */
export const PAYMENT_PROBLEMS = ['no_fee_due', 'already_paid', 'payment_method_unavailable', 'payment_not_refundable', 'gateway_unavailable'] as const;

/** Raised by the field app itself, never by the server: an op it could not send. */
export const FIELD_APP_PROBLEMS = ['file_missing', 'body_missing', 'dependency_failed', 'no_answer'] as const;

/** The citizen's voice: dossier ratings and their links. */
export const VOICE_PROBLEMS = [
  'already_rated',
  'not_rateable',
  'rating_link_invalid',
  'rating_link_expired',
  'rating_link_used',
  'invalid_phone_code',
] as const;

export const PROBLEM_CODES = [
  ...PLATFORM_PROBLEMS,
  ...UPLOAD_PROBLEMS,
  ...DOSSIER_PROBLEMS,
  ...OUTREACH_PROBLEMS,
  ...PAYMENT_PROBLEMS,
  ...FIELD_APP_PROBLEMS,
  ...VOICE_PROBLEMS,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** `PROBLEM.checksum_mismatch === 'checksum_mismatch'`, typed: use it instead of string literals. */
export const PROBLEM = Object.freeze(Object.fromEntries(PROBLEM_CODES.map((c) => [c, c]))) as { readonly [C in ProblemCode]: C };

const known: ReadonlySet<string> = new Set(PROBLEM_CODES);
export const isProblemCode = (code: string): code is ProblemCode => known.has(code);

/**
 * Refusals that time alone cures: the same operation, unchanged, is accepted later — its time was
 * ahead of the server's clock (a phone clock running fast). The field app keeps such an op queued
 * and never offers it only for discard; the server never records them as final.
 */
export const TIME_CURABLE_PROBLEMS: ReadonlySet<string> = new Set<ProblemCode>([PROBLEM.field_time_in_future, PROBLEM.received_in_future]);
