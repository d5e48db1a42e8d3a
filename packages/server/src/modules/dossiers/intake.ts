import type { Applicant, Attachment, AttachmentInput, Consent, DeliveryMethod, Submission } from '@motcua/core/api';
import type { FeeDueAt, FeeQuote } from '@motcua/core/fees';

/** The wire shapes (@motcua/core/api) under the names the dossier's intake uses. */
export type { Applicant, AttachmentInput, Consent };
/** A file on the dossier, as stored in the event that brought it. */
export type AttachmentRef = Attachment;
export type SubmissionInput = Submission;

/**
 * What the 'submitted' event carries besides core's fields. Stored in the event so the log alone
 * rebuilds the dossier; core's fold ignores it.
 */
export interface IntakeDetails {
  procedureName: string;
  applicant: Applicant;
  form: Record<string, unknown>;
  attachments: AttachmentRef[];
  resultDelivery: DeliveryMethod;
  postalAddress: string | null;
  /** Computed from the form at filing (core/fees computeFee); officials' adjustments are kept apart. */
  feeVnd: number | null;
  /** Absent on dossiers filed before fee rules: they read as 'intake' (paid at the desk). */
  feeDueAt?: FeeDueAt;
  /** How feeVnd was computed; absent on dossiers filed before fee rules. */
  fee?: FeeQuote;
  consent: Consent | null;
  /** Required documents with no file at filing (core missingRequiredDocuments); absent on older dossiers. */
  documentsLacking?: string[];
}

/** Vietnamese mobile and landline numbers in one spelling (0…), for comparing in look-ups. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}
