import { Type, type Static } from '@sinclair/typebox';
import { VietQrSchema } from './bank-transfers.ts';
import { Literals, Nullable } from './common.ts';

/** The payments module's wire shapes (modules/payments): fee collection for a dossier. */

export const PAYMENT_METHODS = ['vnpay', 'vietqr', 'cash'] as const;
export const PaymentMethodSchema = Literals(PAYMENT_METHODS, { $id: 'PaymentMethod' });
export type PaymentMethod = Static<typeof PaymentMethodSchema>;

/**
 * pending: started, nothing heard from the gateway; confirming: the citizen came back from the
 * gateway saying it was paid, the server-to-server IPN not yet in (never trusted alone);
 * paid, failed, refunded.
 */
export const PAYMENT_STATUSES = ['pending', 'confirming', 'paid', 'failed', 'refunded'] as const;
export const PaymentStatusSchema = Literals(PAYMENT_STATUSES, { $id: 'PaymentStatus' });
export type PaymentStatus = Static<typeof PaymentStatusSchema>;

export const StartPaymentBodySchema = Type.Object({ method: Type.Ref(PaymentMethodSchema) }, { additionalProperties: false, $id: 'StartPaymentBody' });
export type StartPaymentBody = Static<typeof StartPaymentBodySchema>;

export const FeeReceiptSchema = Type.Object(
  {
    /** "0001/2026" within the unit: numbered per unit and year without gaps. */
    number: Type.String(),
    year: Type.Integer(),
    sequence: Type.Integer(),
    issuedAt: Type.String(),
    cancelled: Type.Boolean(),
    cancelReason: Nullable(Type.String()),
    downloadUrl: Type.String(),
  },
  { $id: 'FeeReceipt' },
);
export type FeeReceipt = Static<typeof FeeReceiptSchema>;

export const PaymentSchema = Type.Object(
  {
    id: Type.String(),
    dossierCode: Type.String(),
    method: Type.Ref(PaymentMethodSchema),
    status: Type.Ref(PaymentStatusSchema),
    amountVnd: Type.Integer({ minimum: 0 }),
    /** The order reference sent to the gateway (vnp_TxnRef) or written in the transfer message. */
    reference: Type.String(),
    createdAt: Type.String(),
    paidAt: Nullable(Type.String()),
    refundedAt: Nullable(Type.String()),
    /** Where to send the citizen's browser (VNPAY). */
    redirectUrl: Type.Optional(Type.String()),
    /** Bank-transfer QR payload (VietQR). */
    qr: Type.Optional(Type.Ref(VietQrSchema)),
    receipt: Type.Optional(FeeReceiptSchema),
    /** Set when the same dossier was paid more than once (two channels): a person refunds one. */
    duplicate: Type.Boolean(),
  },
  { $id: 'Payment' },
);
export type Payment = Static<typeof PaymentSchema>;

export const PaymentListSchema = Type.Object(
  {
    items: Type.Array(Type.Ref(PaymentSchema)),
    /** The dossier's fee (its `feeVnd`); null when the procedure's fee is not known. */
    feeVnd: Nullable(Type.Integer()),
    feeDueAt: Literals(['submission', 'intake', 'result'] as const),
    /** Whether a payment of the full fee is confirmed and not refunded. */
    paid: Type.Boolean(),
  },
  { $id: 'PaymentList' },
);
export type PaymentList = Static<typeof PaymentListSchema>;

export const RefundBodySchema = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false, $id: 'RefundBody' });
export type RefundBody = Static<typeof RefundBodySchema>;

/** VNPAY's IPN answer (protocol 2.1.0): RspCode 00, 01, 02, 04, 97, 99. */
export const VnpayIpnAnswerSchema = Type.Object({ RspCode: Type.String(), Message: Type.String() }, { $id: 'VnpayIpnAnswer' });
export type VnpayIpnAnswer = Static<typeof VnpayIpnAnswerSchema>;

export const PAYMENT_SCHEMAS = [
  PaymentMethodSchema,
  PaymentStatusSchema,
  StartPaymentBodySchema,
  FeeReceiptSchema,
  PaymentSchema,
  PaymentListSchema,
  RefundBodySchema,
  VnpayIpnAnswerSchema,
];
