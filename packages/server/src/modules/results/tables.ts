import type { ColumnType, Generated } from 'kysely';
import type { DocumentKind, ShipmentStatus } from '@motcua/core/api';

export type { DocumentKind, ShipmentStatus };

/** An issued, signed document. `sha256` is of the exact signed file stored under `blob_key`. */
export interface ResultDocumentTable {
  id: string;
  dossier_code: string;
  /** The dossier event that caused it (receive, approve, …): one document per event and kind. */
  event_seq: number;
  kind: DocumentKind;
  title: string;
  unit_code: string;
  /** The issuing unit as printed on the document. */
  unit_name: string;
  /** The `h` of the QR link: a prefix of the SHA-256 of the document's issue record. */
  verify_token: string;
  sha256: string;
  blob_key: string;
  size: number;
  signed_at: Date;
  signer_subject: string;
  signer_issuer: string;
  /** The citizen's personal-store entry (electronic delivery of the result). */
  personal_document_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** The citizen's acknowledgement when collecting a result at the counter. */
export interface ResultHandoverTable {
  id: string;
  dossier_code: string;
  recipient_name: string;
  recipient_id_number: string;
  confirmation: 'signature_image' | 'typed';
  signature_blob_key: string | null;
  signature_sha256: string | null;
  typed_confirmation: string | null;
  recorded_by: string;
  at: Date;
}

export interface ShipmentTable {
  id: string;
  dossier_code: string;
  carrier: string;
  tracking_number: string;
  recipient_name: string;
  recipient_phone: string;
  address: string;
  cod_fee_vnd: number;
  status: ShipmentStatus;
  created_at: Date;
  updated_at: Date;
}

export interface ShipmentEventTable {
  id: Generated<number>;
  shipment_id: string;
  status: ShipmentStatus;
  at: Date;
  source: 'system' | 'official' | 'carrier';
  note: string | null;
}

/** Last number drawn in one unit's register of one kind for one year. */
export interface ResultRegisterCounterTable {
  unit_code: string;
  register: string;
  year: number;
  last_number: number;
}

/** One register number and the dossier event whose document carries it. */
export interface ResultRegisterEntryTable {
  unit_code: string;
  register: string;
  year: number;
  number: number;
  dossier_code: string;
  event_seq: number;
  allocated_at: Date;
}

export interface ResultsTables {
  result_document: ResultDocumentTable;
  result_register_counter: ResultRegisterCounterTable;
  result_register_entry: ResultRegisterEntryTable;
  result_handover: ResultHandoverTable;
  shipment: ShipmentTable;
  shipment_event: ShipmentEventTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends ResultsTables {}
}
