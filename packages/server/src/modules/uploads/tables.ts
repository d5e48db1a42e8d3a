import type { ColumnType } from 'kysely';

/** A stored file. The bytes live in the BlobStore under `blob_key`; this row says whose they are. */
export interface UploadTable {
  id: string;
  /** 'citizen' (owner_ref = CCCD) or 'official' (owner_ref = user id). */
  owner_kind: 'citizen' | 'official';
  owner_ref: string;
  blob_key: string;
  sha256: string;
  size: number;
  media_type: string;
  filename: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** Which uploads a dossier carries; the unit and applicant decide who else may read them. */
export interface DossierAttachmentTable {
  dossier_code: string;
  upload_id: string;
  /** The dossier component this file answers (e.g. "to_khai", "cccd"), free text from the procedure. */
  kind: string | null;
  label: string | null;
  unit_code: string;
  applicant_id_number: string | null;
  attached_by: string;
  attached_at: ColumnType<Date, Date | undefined, never>;
}

/** Kho giấy tờ cá nhân: a citizen's kept scans and earlier results, each pointing at an upload. */
export interface PersonalDocumentTable {
  id: string;
  owner_id_number: string;
  upload_id: string;
  title: string;
  source: 'upload' | 'result';
  dossier_code: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface UploadsTables {
  upload: UploadTable;
  dossier_attachment: DossierAttachmentTable;
  personal_document: PersonalDocumentTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends UploadsTables {}
}
