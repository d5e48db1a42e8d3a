import type { FeeDueAt, FeeRule } from '../fees/types.ts';

/**
 * Shape of one administrative procedure in the catalog (packages/server/data/procedures.json).
 * Facts come from the curated source data; `null` always means "the source does not say".
 */

export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema' as const;

/** Level of online service: whole dossier online ("toàn trình") or only part of it ("một phần"). */
export type OnlineLevel = 'full' | 'partial';

/** How far the record was verified against primary sources; `low` records are drafts. */
export type Confidence = 'high' | 'medium' | 'low';

export interface ProcedureDocument {
  /** Vietnamese name as listed in the dossier component list. */
  name: string;
  nameEn?: string;
  /** false when the source lists it only for some cases ("nếu có", "trường hợp …"). */
  required: boolean;
  copies?: number;
}

export interface Procedure {
  /** National procedure code (e.g. '1.001193'), or a local 'MC-<slug>' code when there is none. */
  code: string;
  nationalCode: string | null;
  name: string;
  nameEn: string;
  field: string;
  fieldEn: string;
  /** Slug of the English field name, e.g. 'civil_status'. */
  fieldKey: string;
  /**
   * Statutory time limit in working days. 0 when the procedure is settled on the day of receipt
   * (`sameDay`); null when the source gives no verified number (see `processingNote`).
   */
  processingDays: number | null;
  /** Settled on the day of receipt (dossiers received after 15:00 return next working day). */
  sameDay: boolean;
  processingNote: string;
  /** Fee in VND for the base case; 0 = free; null = set by the province or not stated (see feeNote). */
  feeVnd: number | null;
  feeNote: string;
  /** Who or which cases are exempt, quoted from the fee note. */
  exemptions?: string[];
  /** How the fee is computed from the form (core/fees); absent on records written before rules (feeRuleOf). */
  feeRule?: FeeRule | null;
  /** When the fee is paid; absent on records written before (feeDueAtFor). */
  feeDueAt?: FeeDueAt;
  /** null when the source does not state the online level. */
  online: OnlineLevel | null;
  documents: ProcedureDocument[];
  result: string;
  legalBasis: string[];
  sources: string[];
  confidence: Confidence;
  /** What remains unverified; '' when nothing was flagged. */
  uncertain: string;
  formSchema: FormSchema;
}

/** One choice of an enumerated question: `{ const: 'nam', title: 'Nam', 'x-title-en': 'Male' }`. */
export interface FormChoice {
  const: string;
  title: string;
  'x-title-en'?: string;
}

interface FormFieldBase {
  /** Vietnamese label shown to the citizen. */
  title: string;
  /** English explanation of the field. */
  description?: string;
  'x-title-en'?: string;
  /** Index into the root `x-steps`: which wizard step asks this question. */
  'x-step'?: number;
}

export interface FormStringField extends FormFieldBase {
  type: 'string';
  format?: 'date' | 'email';
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  oneOf?: FormChoice[];
  default?: string;
  /** Rendering hint for long free text. */
  'x-widget'?: 'textarea';
}

export interface FormNumberField extends FormFieldBase {
  type: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
  default?: number;
}

export interface FormBooleanField extends FormFieldBase {
  type: 'boolean';
  default?: boolean;
}

/** A repeated group, e.g. several documents to certify or several household members. */
export interface FormArrayField extends FormFieldBase {
  type: 'array';
  minItems?: number;
  maxItems?: number;
  items: FormObject;
}

export interface FormObject {
  type: 'object';
  title: string;
  'x-title-en'?: string;
  properties: Record<string, FormScalarField>;
  required: string[];
  additionalProperties: false;
}

export type FormScalarField = FormStringField | FormNumberField | FormBooleanField;
export type FormField = FormScalarField | FormArrayField;

export interface FormStep {
  title: string;
  'x-title-en': string;
}

/**
 * JSON Schema 2020-12 of the procedure-specific part of an application (the applicant's own
 * identity travels separately with the dossier). Properties are flat so a wizard can render one
 * question group per `x-step`.
 */
export interface FormSchema {
  $schema: typeof JSON_SCHEMA_2020;
  type: 'object';
  title: string;
  'x-title-en'?: string;
  description?: string;
  properties: Record<string, FormField>;
  required: string[];
  additionalProperties: false;
  'x-steps'?: FormStep[];
}
