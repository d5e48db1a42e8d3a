import { Type, type Static } from '@sinclair/typebox';

import type { TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ProcedureDocument = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    nameEn: Type.Optional(Type.String()),
    documents: Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), nameEn: Type.Optional(Type.String()), required: Type.Boolean(), copies: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: true })),
  },
  { additionalProperties: true },
);

/** A catalog procedure as the API shows and accepts it. */
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
    online: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Null()]),
    documents: ProcedureDocument.properties.documents,
    result: Type.Optional(Type.String()),
    legalBasis: Type.Array(Type.String()),
    sources: Type.Optional(Type.Array(Type.String())),
    confidence: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')])),
    uncertain: Type.Optional(Type.String()),
    formSchema: Type.Object({ type: Type.Literal('object') }, { additionalProperties: true }),
  },
  { additionalProperties: true, $id: 'Procedure' },
);
export type ProcedureBody = Static<typeof ProcedureSchema>;
