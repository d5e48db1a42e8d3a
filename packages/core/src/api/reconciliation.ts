import { Type, type Static } from '@sinclair/typebox';
import { SettleResolutionSchema, SettlementSchema } from './bank-transfers.ts';
import { Literals, Nullable } from './common.ts';

/** Daily reconciliation per unit (modules/payments): the gateway's and the bank's statements against Motcua's payments. */

/**
 * missing_in_motcua: the gateway took the money, Motcua has not recorded it; missing_at_gateway:
 * Motcua recorded an online payment the gateway's statement does not have; duplicate: the same
 * order twice in the statement; amount_differs; unknown_reference: money for no payment of ours;
 * paid_twice: one dossier paid more than once (two channels).
 */
export const FINDING_KINDS = ['missing_in_motcua', 'missing_at_gateway', 'duplicate', 'amount_differs', 'unknown_reference', 'paid_twice'] as const;
export const FindingKindSchema = Literals(FINDING_KINDS, { $id: 'FindingKind' });
export type FindingKind = Static<typeof FindingKindSchema>;

export const FindingSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Ref(FindingKindSchema),
    /** The order reference, bank reference or dossier code the line is about. */
    subject: Type.String(),
    source: Literals(['gateway', 'bank', 'motcua'] as const),
    dossierCode: Nullable(Type.String()),
    expectedVnd: Nullable(Type.Integer()),
    actualVnd: Nullable(Type.Integer()),
    note: Type.String(),
    settlement: Nullable(Type.Ref(SettlementSchema)),
  },
  { $id: 'Finding' },
);
export type Finding = Static<typeof FindingSchema>;

export const ReconciliationSchema = Type.Object(
  {
    unitCode: Type.String(),
    day: Type.String(),
    /** Where the gateway's statement came from this run: the sandbox's own, a file uploaded, or none. */
    gatewayStatement: Literals(['sandbox', 'uploaded', 'none'] as const),
    gatewayLines: Type.Integer(),
    bankLines: Type.Integer(),
    payments: Type.Integer(),
    findings: Type.Array(Type.Ref(FindingSchema)),
  },
  { $id: 'Reconciliation' },
);
export type Reconciliation = Static<typeof ReconciliationSchema>;

export const ReconcileBodySchema = Type.Object(
  {
    unitCode: Type.String({ minLength: 1, maxLength: 32 }),
    day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    /** The gateway's statement CSV (merchant portal export), base64; default the sandbox's own. */
    gatewayStatementBase64: Type.Optional(Type.String({ maxLength: 4_000_000 })),
  },
  { additionalProperties: false, $id: 'ReconcileBody' },
);
export type ReconcileBody = Static<typeof ReconcileBodySchema>;

export const ReconciliationQuerySchema = Type.Object(
  { unitCode: Type.String({ minLength: 1, maxLength: 32 }), day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) },
  { additionalProperties: false, $id: 'ReconciliationQuery' },
);
export type ReconciliationQuery = Static<typeof ReconciliationQuerySchema>;

export const SettleFindingBodySchema = Type.Object(
  { resolution: Type.Ref(SettleResolutionSchema), note: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false, $id: 'SettleFindingBody' },
);
export type SettleFindingBody = Static<typeof SettleFindingBodySchema>;

export const RECONCILIATION_SCHEMAS = [
  FindingKindSchema,
  FindingSchema,
  ReconciliationSchema,
  ReconcileBodySchema,
  ReconciliationQuerySchema,
  SettleFindingBodySchema,
];
