/** Wire types of the server's JSON API (camelCase). Keep in step with packages/server. */

import type { Procedure as CatalogProcedure } from '@motcua/core/catalog';

export type { Confidence, FormSchema, OnlineLevel, ProcedureDocument } from '@motcua/core/catalog';

/** Members the API schema lets an administrator leave out when editing a procedure. */
type OptionalOnWire = 'nameEn' | 'fieldEn' | 'processingNote' | 'feeNote' | 'exemptions' | 'result' | 'sources' | 'confidence' | 'uncertain';

/**
 * A procedure as the API returns it: the shared catalog type from core (so the two cannot drift),
 * with the optional-on-the-wire members made optional. `online` is null when the source data
 * does not say; `processingDays` may be fractional (half a working day).
 */
export type Procedure = Omit<CatalogProcedure, OptionalOnWire> & Partial<Pick<CatalogProcedure, OptionalOnWire>>;

export interface ProcedureQuery {
  q?: string;
  /** A fieldKey such as 'civil_status'. */
  field?: string;
  online?: 'full' | 'partial';
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
