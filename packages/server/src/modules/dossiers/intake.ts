import type { Channel, DeliveryMethod } from '@motcua/core/dossier';

/** The applicant (người nộp / người yêu cầu) as written on the dossier. */
export interface Applicant {
  idNumber: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string;
  email?: string;
  /** Commune of residence. */
  unitCode: string;
  hamlet: string | null;
  addressLine: string;
}

export interface AttachmentRef {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  label: string | null;
}

/** Recorded when an official opens a dossier on a citizen's behalf (counter, outreach, post). */
export interface Consent {
  method: 'signature' | 'verbal' | 'written';
  note: string | null;
  recordedBy: string;
  at: string;
}

export interface AttachmentInput {
  uploadId: string;
  kind?: string | null;
  label?: string | null;
}

export interface SubmissionInput {
  procedureCode: string;
  unitCode: string;
  channel: Channel;
  applicant: Applicant;
  form: Record<string, unknown>;
  /** Upload ids, or with the document they answer and a label. */
  attachments?: (string | AttachmentInput)[];
  resultDelivery: DeliveryMethod;
  postalAddress?: string;
  consent?: { method: Consent['method']; note?: string };
  /** Only when the catalog gives no processing time: the desk sets it at intake. */
  processingDays?: number;
}

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
  feeVnd: number | null;
  consent: Consent | null;
}

/** Vietnamese mobile and landline numbers in one spelling (0…), for comparing in look-ups. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}
