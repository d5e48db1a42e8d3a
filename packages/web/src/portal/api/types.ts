/** Wire types of the dossier, identity and upload APIs (packages/server/src/modules/*). */
import type { ActionType, DossierState, FieldSpec, Timeliness } from '@motcua/core/dossier';

export type { ActionType, DossierState, FieldSpec, Timeliness };

export type Channel = 'online' | 'counter' | 'outreach' | 'postal';
export type DeliveryMethod = 'counter' | 'post' | 'electronic';
export type Sex = 'male' | 'female';

export interface Applicant {
  idNumber: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  email?: string;
  unitCode: string;
  hamlet: string | null;
  addressLine: string;
}

export interface AttachmentInput {
  uploadId: string;
  kind?: string | null;
  label?: string | null;
}

export interface Submission {
  procedureCode: string;
  unitCode: string;
  channel: Channel;
  applicant: Applicant;
  form: Record<string, unknown>;
  attachments?: AttachmentInput[];
  resultDelivery: DeliveryMethod;
  postalAddress?: string;
  consent?: { method: 'signature' | 'verbal' | 'written'; note?: string };
  processingDays?: number;
}

export interface Attachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  label: string | null;
}

export interface HistoryItem {
  action: string;
  at: string;
  actorName: string;
  note: string | null;
}

export interface AllowedAction {
  action: ActionType;
  fields: FieldSpec[];
}

export interface Dossier {
  code: string;
  state: DossierState;
  version: number;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  channel: Channel;
  applicant: Applicant;
  form: Record<string, unknown>;
  attachments: Attachment[];
  resultDelivery: DeliveryMethod;
  postalAddress: string | null;
  feeVnd: number | null;
  consent: { method: string; note: string | null; recordedBy: string; at: string } | null;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  dueAtProvisional: boolean;
  timeliness: Timeliness;
  assigneeUserId: string | null;
  missingDocuments: string[];
  apologies: { at: string; newAppointment: string; reason: string }[];
  history: HistoryItem[];
  allowedActions: AllowedAction[];
}

export interface LookupResult {
  code: string;
  state: DossierState;
  stateLabel: string;
  procedureName: string;
  receivedAt: string | null;
  dueAt: string | null;
  timeliness: Timeliness;
}

export interface QueueItem {
  code: string;
  state: DossierState;
  unitCode: string;
  channel: Channel;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  hamlet: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  timeliness: Timeliness;
  assigneeUserId: string | null;
}

export interface UnitDaySummary {
  unitCode: string;
  day: string;
  receivedToday: number;
  dueToday: number;
  late: number;
  returnedToday: number;
  inProgress: number;
  awaitingCheck: number;
  awaitingSupplement: number;
}

export type Role = 'receptionist' | 'specialist' | 'approver' | 'outreach' | 'commune_admin' | 'province_viewer' | 'system_admin';

export type Me =
  | {
      kind: 'citizen';
      subject: string;
      idNumber: string;
      fullName: string;
      birthdate: string | null;
      gender: string | null;
      phoneNumber: string | null;
      address: { formatted?: string; street_address?: string; locality?: string; region?: string } | null;
      communeCode: string | null;
    }
  | {
      kind: 'official';
      userId: string;
      username: string | null;
      fullName: string;
      roles: Role[];
      unitCodes: string[];
      via: 'session' | 'token';
    };

export interface Upload {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
}

export interface PersonalDocument {
  id: string;
  title: string;
  source: 'upload' | 'result';
  dossierCode: string | null;
  createdAt: string;
  updatedAt: string;
  upload: Upload;
}

export interface Hamlet {
  code: string;
  unitCode: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface UnitDetail {
  code: string;
  name: string;
  fullName: string;
  type: string;
}

export interface Official {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  unitCodes: string[];
  active: boolean;
}

/** An official of the same unit, as /api/office/colleagues lists them (no username, no contact). */
export interface Colleague {
  id: string;
  fullName: string;
  roles: Role[];
}

/** A signed PDF the results module issued for a dossier (forms 01–04, the result). */
export interface IssuedDocument {
  id: string;
  kind: 'receipt' | 'supplement_request' | 'refusal' | 'apology' | 'result' | string;
  title: string;
  titleEn: string;
  signedAt: string;
  verifyUrl: string;
  downloadUrl: string;
}
