import { Type, type Static } from '@sinclair/typebox';
import { Literals, Nullable } from './common.ts';

/**
 * Bank transfers by VietQR (NAPAS 247) and their matching (modules/payments): the QR a citizen
 * scans, the bank's statement lines and notifications, and the lines a person settles.
 */

export const VietQrSchema = Type.Object(
  {
    /** The EMVCo merchant-presented payload (what the QR encodes), CRC-16/CCITT-FALSE in tag 63. */
    payload: Type.String(),
    /** The same payload drawn as an SVG, `data:image/svg+xml;base64,...`. */
    imageDataUrl: Type.String(),
    /** NAPAS bank identification number (BIN) of the receiving bank. */
    bankBin: Type.String(),
    bankName: Type.String(),
    accountNumber: Type.String(),
    accountName: Type.String(),
    amountVnd: Type.Integer({ minimum: 1 }),
    /** The transfer message: the payment reference the matching looks for. */
    message: Type.String(),
    /** A demo account (no money moves): shown as such everywhere. */
    demo: Type.Boolean(),
  },
  { $id: 'VietQr' },
);
export type VietQr = Static<typeof VietQrSchema>;

/**
 * matched: the message carries a pending VietQR payment's reference and the exact amount, the
 * payment is confirmed; partial / excess: the reference with less / more money; duplicate: the
 * payment was already confirmed (paid twice); unmatched: no reference of ours.
 */
export const TRANSFER_OUTCOMES = ['matched', 'partial', 'excess', 'duplicate', 'unmatched'] as const;
export const TransferOutcomeSchema = Literals(TRANSFER_OUTCOMES, { $id: 'TransferOutcome' });
export type TransferOutcome = Static<typeof TransferOutcomeSchema>;

/** What a person decided about a line that did not match by itself. */
export const SETTLE_RESOLUTIONS = ['refunded_to_payer', 'accepted_as_paid', 'not_ours', 'other'] as const;
export const SettleResolutionSchema = Literals(SETTLE_RESOLUTIONS, { $id: 'SettleResolution' });
export type SettleResolution = Static<typeof SettleResolutionSchema>;

export const SettlementSchema = Type.Object(
  { at: Type.String(), by: Type.String(), resolution: Type.Ref(SettleResolutionSchema), note: Type.String() },
  { $id: 'Settlement' },
);
export type Settlement = Static<typeof SettlementSchema>;

export const BankTransferSchema = Type.Object(
  {
    id: Type.String(),
    unitCode: Type.String(),
    source: Literals(['statement', 'webhook'] as const),
    /** The bank's own transaction reference: one line per reference and unit, however often imported. */
    bankReference: Type.String(),
    /** yyyy-MM-dd, the bank's booking date. */
    bookedOn: Type.String(),
    amountVnd: Type.Integer(),
    description: Type.String(),
    outcome: Type.Ref(TransferOutcomeSchema),
    paymentReference: Nullable(Type.String()),
    dossierCode: Nullable(Type.String()),
    receivedAt: Type.String(),
    settlement: Nullable(Type.Ref(SettlementSchema)),
  },
  { $id: 'BankTransfer' },
);
export type BankTransfer = Static<typeof BankTransferSchema>;

export const BankTransferListSchema = Type.Object({ items: Type.Array(Type.Ref(BankTransferSchema)) }, { $id: 'BankTransferList' });
export type BankTransferList = Static<typeof BankTransferListSchema>;

export const BankTransferQuerySchema = Type.Object(
  {
    unitCode: Type.String({ minLength: 1, maxLength: 32 }),
    /** open: only lines a person still has to settle. */
    state: Type.Optional(Literals(['open', 'all'] as const)),
  },
  { additionalProperties: false, $id: 'BankTransferQuery' },
);
export type BankTransferQuery = Static<typeof BankTransferQuerySchema>;

/** A bank statement file (CSV or .xlsx) with columns date, amount, description, bank reference. */
export const BankStatementImportBodySchema = Type.Object(
  {
    unitCode: Type.String({ minLength: 1, maxLength: 32 }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    /** The file's bytes, base64 (at most about 3 MB). */
    contentBase64: Type.String({ minLength: 4, maxLength: 4_000_000 }),
  },
  { additionalProperties: false, $id: 'BankStatementImportBody' },
);
export type BankStatementImportBody = Static<typeof BankStatementImportBodySchema>;

export const BankStatementImportResultSchema = Type.Object(
  {
    /** Credit lines seen in the file. */
    lines: Type.Integer(),
    /** New lines recorded this time (a line already known, by bank reference, changes nothing). */
    recorded: Type.Integer(),
    alreadyKnown: Type.Integer(),
    /** Debit or empty lines, not transfers to the unit. */
    skipped: Type.Integer(),
    matched: Type.Integer(),
    /** The new lines a person has to settle (partial, excess, duplicate, unmatched). */
    toSettle: Type.Array(Type.Ref(BankTransferSchema)),
  },
  { $id: 'BankStatementImportResult' },
);
export type BankStatementImportResult = Static<typeof BankStatementImportResultSchema>;

/**
 * The bank's notification of one credit to the unit's account, POSTed as JSON and signed:
 * header `x-motcua-signature: sha256=<hex HMAC-SHA256 of the raw body with the shared secret>`.
 */
export const BankNotificationSchema = Type.Object(
  {
    unitCode: Type.String({ minLength: 1, maxLength: 32 }),
    bankReference: Type.String({ minLength: 1, maxLength: 64 }),
    bookedOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    amountVnd: Type.Integer({ minimum: 1, maximum: 10_000_000_000 }),
    description: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false, $id: 'BankNotification' },
);
export type BankNotification = Static<typeof BankNotificationSchema>;

export const BankNotificationAnswerSchema = Type.Object(
  { recorded: Type.Boolean(), outcome: Type.Ref(TransferOutcomeSchema) },
  { $id: 'BankNotificationAnswer' },
);
export type BankNotificationAnswer = Static<typeof BankNotificationAnswerSchema>;

export const SettleBodySchema = Type.Object(
  { resolution: Type.Ref(SettleResolutionSchema), note: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false, $id: 'SettleBody' },
);
export type SettleBody = Static<typeof SettleBodySchema>;

export const BANK_TRANSFER_SCHEMAS = [
  VietQrSchema,
  TransferOutcomeSchema,
  SettleResolutionSchema,
  SettlementSchema,
  BankTransferSchema,
  BankTransferListSchema,
  BankTransferQuerySchema,
  BankStatementImportBodySchema,
  BankStatementImportResultSchema,
  BankNotificationSchema,
  BankNotificationAnswerSchema,
  SettleBodySchema,
];
