import { Type, type Static } from '@sinclair/typebox';
import type { FormSchema } from '../catalog/types.ts';
import { ItemsOf, Literals, Nullable } from './common.ts';
import { FeeDueAtSchema, FeeRuleSchema } from './fees.ts';

/** The catalog's wire shapes: GET/PUT /api/procedures (modules/catalog). */

export const OnlineLevelSchema = Literals(['full', 'partial'] as const, { $id: 'OnlineLevel' });

export const ProcedureDocumentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    nameEn: Type.Optional(Type.String()),
    required: Type.Boolean(),
    copies: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { $id: 'ProcedureDocument', additionalProperties: true },
);

/** A catalog procedure as the API shows it and an administrator sends it. */
export const ProcedureSchema = Type.Object(
  {
    code: Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9A-Za-z.\\-]+$' }),
    nationalCode: Nullable(Type.String({ pattern: '^[0-9]\\.[0-9]{6}$' })),
    name: Type.String({ minLength: 3 }),
    nameEn: Type.Optional(Type.String()),
    field: Type.String({ minLength: 1 }),
    fieldEn: Type.Optional(Type.String()),
    fieldKey: Type.String({ pattern: '^[a-z_]+$' }),
    processingDays: Nullable(Type.Number({ minimum: 0 })),
    sameDay: Type.Boolean(),
    processingNote: Type.Optional(Type.String()),
    feeVnd: Nullable(Type.Integer({ minimum: 0 })),
    feeNote: Type.Optional(Type.String()),
    exemptions: Type.Optional(Type.Array(Type.String())),
    /** How the fee is computed from the form (core/fees); the catalog always answers with one. */
    feeRule: Type.Optional(Nullable(Type.Ref(FeeRuleSchema))),
    /** When the fee is paid; the catalog always answers with one. */
    feeDueAt: Type.Optional(Type.Ref(FeeDueAtSchema)),
    online: Type.Union([Type.Ref(OnlineLevelSchema), Type.Null()]),
    documents: Type.Array(Type.Ref(ProcedureDocumentSchema)),
    result: Type.Optional(Type.String()),
    legalBasis: Type.Array(Type.String()),
    sources: Type.Optional(Type.Array(Type.String())),
    confidence: Type.Optional(Literals(['high', 'medium', 'low'] as const)),
    uncertain: Type.Optional(Type.String()),
    // The form is JSON Schema 2020-12 in the subset the web's validator supports (core/catalog).
    formSchema: Type.Unsafe<FormSchema>(Type.Object({ type: Type.Literal('object') }, { additionalProperties: true })),
  },
  { $id: 'Procedure', additionalProperties: true },
);
export type Procedure = Static<typeof ProcedureSchema>;

export const ProcedureListSchema = ItemsOf(Type.Ref(ProcedureSchema), { $id: 'ProcedureList' });
export type ProcedureList = Static<typeof ProcedureListSchema>;

export const ProcedureQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  field: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })),
  online: Type.Optional(Type.Ref(OnlineLevelSchema)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type ProcedureQuery = Static<typeof ProcedureQuerySchema>;

export const ProcedureCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const CATALOG_SCHEMAS = [OnlineLevelSchema, ProcedureDocumentSchema, ProcedureSchema, ProcedureListSchema];
