import { Type, type Static } from '@sinclair/typebox';
import { FEE_DUE_AT, type FeeQuote, type FeeRule } from '../fees/index.ts';
import { Instant, Literals, Nullable } from './common.ts';

export type { FeeDueAt, FeeQuote, FeeRule } from '../fees/index.ts';

/** Fee shapes: a procedure's fee rule (catalog), the quote on a dossier and the official's adjustment (dossiers). */

export const FeeDueAtSchema = Literals(FEE_DUE_AT, {
  $id: 'FeeDueAt',
  description: 'Khi nộp lệ phí: submission (khi nộp hồ sơ trực tuyến) · intake (khi tiếp nhận) · result (trước khi trả kết quả)',
});

const Vnd = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const Label = { label: Type.String({ minLength: 1, maxLength: 200 }), labelEn: Type.String({ minLength: 1, maxLength: 200 }) };
const Field = Type.String({ minLength: 1, maxLength: 60 });
const CountSource = Type.Union([
  Type.Object({ field: Field }, { additionalProperties: false }),
  Type.Object({ list: Field, field: Type.Optional(Field) }, { additionalProperties: false }),
]);

const Charge = Type.Union([
  Type.Object({ kind: Type.Literal('fixed'), ...Label, amountVnd: Vnd, onlineAmountVnd: Type.Optional(Vnd) }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('per_item'), ...Label, amountVnd: Vnd, onlineAmountVnd: Type.Optional(Vnd), count: CountSource },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('per_page'),
      ...Label,
      tiers: Type.Array(Type.Object({ fromPage: Type.Integer({ minimum: 1 }), amountVnd: Vnd }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 10,
      }),
      maxPerCopyVnd: Nullable(Vnd),
      list: Type.Optional(Field),
      pagesField: Field,
      copiesField: Field,
    },
    { additionalProperties: false },
  ),
]);

const ExemptionKind = Literals([
  'policy_family',
  'poor_household',
  'disability',
  'child',
  'on_time_registration',
  'domestic_marriage',
  'guardianship',
] as const);
const GrantedBy = Literals(['receiving_official', 'computed_from_form'] as const);

const Exemption = Type.Object(
  {
    kind: ExemptionKind,
    ...Label,
    basis: Type.String({ minLength: 1, maxLength: 300 }),
    percent: Type.Integer({ minimum: 1, maximum: 100 }),
    grantedBy: GrantedBy,
    evidence: Nullable(Type.String({ maxLength: 300 })),
    evidenceEn: Nullable(Type.String({ maxLength: 300 })),
    condition: Type.Union([
      Type.Object({ kind: Type.Literal('claim') }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('always') }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('within_days'), dateField: Field, days: Type.Integer({ minimum: 0, maximum: 3650 }) }, { additionalProperties: false }),
    ]),
  },
  { additionalProperties: false },
);

/** A procedure's fee rule (core/fees FeeRule): `charges: null` = the amount is not known to Motcua. */
export const FeeRuleSchema = Type.Unsafe<FeeRule>(
  Type.Object(
    {
      charges: Nullable(Type.Array(Charge, { maxItems: 10 })),
      exemptions: Type.Array(Exemption, { maxItems: 20 }),
      basis: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 10 }),
    },
    { $id: 'FeeRule', additionalProperties: false },
  ),
);

const AppliedExemption = Type.Object({
  kind: ExemptionKind,
  ...Label,
  basis: Type.String(),
  percent: Type.Integer(),
  grantedBy: GrantedBy,
  evidence: Nullable(Type.String()),
  evidenceEn: Nullable(Type.String()),
  amountVnd: Nullable(Type.Integer()),
});

/** What core's computeFee answered for the dossier's form at filing (core/fees FeeQuote). */
export const FeeQuoteSchema = Type.Unsafe<FeeQuote>(
  Type.Object(
    {
      amountVnd: Nullable(Type.Integer()),
      grossVnd: Nullable(Type.Integer()),
      lines: Type.Array(Type.Object({ ...Label, quantity: Type.Integer(), unitVnd: Nullable(Type.Integer()), amountVnd: Type.Integer() })),
      exemption: Nullable(AppliedExemption),
      reductions: Type.Array(Type.Object({ ...Label, basis: Type.String(), percentOff: Type.Number(), amountVnd: Type.Integer() })),
      basis: Type.Array(Type.String()),
    },
    { $id: 'FeeQuote' },
  ),
);

/** POST /api/dossiers/{code}/fee: an official of the dossier's unit sets the amount due, with the reason. */
export const FeeAdjustmentBodySchema = Type.Object(
  {
    feeVnd: Vnd,
    reason: Type.String({ minLength: 5, maxLength: 500 }),
    /** The dossier version read, so an adjustment made on a stale page is refused (409). */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { $id: 'FeeAdjustmentBody', additionalProperties: false },
);
export type FeeAdjustmentBody = Static<typeof FeeAdjustmentBodySchema>;

/** One adjustment on a dossier's fee, as the office sees it. */
export const FeeAdjustmentSchema = Type.Object(
  {
    fromVnd: Nullable(Type.Integer()),
    toVnd: Type.Integer(),
    reason: Type.String(),
    byName: Type.String(),
    at: Instant,
  },
  { $id: 'FeeAdjustment' },
);
export type FeeAdjustment = Static<typeof FeeAdjustmentSchema>;

export const FEE_SCHEMAS = [FeeDueAtSchema, FeeRuleSchema, FeeQuoteSchema, FeeAdjustmentBodySchema, FeeAdjustmentSchema];
