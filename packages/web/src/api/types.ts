/** Wire types of the server's JSON API (camelCase). Keep in step with packages/server. */

export type OnlineLevel = 'full' | 'partial';
export type Confidence = 'high' | 'medium' | 'low';

export interface ProcedureDocument {
  name: string;
  nameEn?: string;
  required: boolean;
  copies?: number;
}

export interface Procedure {
  code: string;
  nationalCode: string | null;
  name: string;
  nameEn: string;
  field: string;
  fieldEn: string;
  fieldKey: string;
  processingDays: number | null;
  sameDay: boolean;
  processingNote: string;
  feeVnd: number | null;
  feeNote: string;
  online: OnlineLevel;
  documents: ProcedureDocument[];
  result: string;
  legalBasis: string[];
  confidence: Confidence;
  /** Dossier form definition; its shape belongs to the submission wizard. */
  formSchema: unknown;
}

export interface ProcedureQuery {
  q?: string;
  field?: string;
  online?: OnlineLevel;
}

export interface UnitSummary {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
}

export interface ListResponse<T> {
  items: T[];
}

/** RFC 9457 problem details, with the project's bilingual extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  detailVi?: string;
  detailEn?: string;
  [extension: string]: unknown;
}
