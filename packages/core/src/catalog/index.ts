/** Procedure catalog: types and pure search, shared by the server and the offline field app. */
export type {
  Confidence,
  FormArrayField,
  FormBooleanField,
  FormChoice,
  FormField,
  FormNumberField,
  FormObject,
  FormScalarField,
  FormSchema,
  FormStep,
  FormStringField,
  OnlineLevel,
  Procedure,
  ProcedureDocument,
} from './types.ts';
export { JSON_SCHEMA_2020 } from './types.ts';
export type { CatalogFilters, CatalogIndex } from './search.ts';
export { buildCatalogIndex, fieldKeyOf, searchCatalog } from './search.ts';
export { withoutInternalNotes } from './public.ts';
export type { DocumentList } from './completeness.ts';
export { declaredByEForm, hasEForm, isDeclaration, missingRequiredDocuments } from './completeness.ts';
