import { Type, type Static } from '@sinclair/typebox';
import { DOCUMENT_KINDS } from '../dossier/follow-ups.ts';
import { ItemsOf, Literals, Nullable } from './common.ts';

/** The results module's wire shapes: issued documents, delivery, shipments and verification (modules/results). */

export const DocumentKindSchema = Literals(DOCUMENT_KINDS, { $id: 'DocumentKind' });
export type DocumentKind = Static<typeof DocumentKindSchema>;

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });

/** A signed PDF the results module issued for a dossier (forms 01–04, the result). */
export const IssuedDocumentSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Ref(DocumentKindSchema),
    title: Type.String(),
    titleEn: Type.String(),
    eventSeq: Type.Integer(),
    issuingUnit: Type.String(),
    sha256: Type.String(),
    size: Type.Integer(),
    signedAt: Type.String(),
    signerSubject: Type.String(),
    verifyUrl: Type.String(),
    downloadUrl: Type.String(),
  },
  { $id: 'IssuedDocument' },
);
export type IssuedDocument = Static<typeof IssuedDocumentSchema>;
export const IssuedDocumentListSchema = ItemsOf(Type.Ref(IssuedDocumentSchema), { $id: 'IssuedDocumentList' });
export type IssuedDocumentList = Static<typeof IssuedDocumentListSchema>;

/** POST /api/office/dossiers/{code}/delivery: at the counter, by post or electronically. */
export const DeliveryBodySchema = Type.Union(
  [
    Type.Object(
      {
        method: Type.Literal('counter'),
        recipientName: Type.String({ minLength: 1, maxLength: 200 }),
        recipientIdNumber: Type.String({ pattern: '^[0-9]{9}([0-9]{3})?$' }),
        signaturePng: Type.Optional(Type.String({ maxLength: 400_000, description: 'Ảnh chữ ký PNG, base64 (có thể kèm tiền tố data:image/png;base64,)' })),
        typedConfirmation: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Lời xác nhận đánh máy khi không ký được trên màn hình' })),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        method: Type.Literal('post'),
        address: Type.Optional(Type.String({ minLength: 5, maxLength: 500 })),
        phone: Type.Optional(Type.String({ maxLength: 20 })),
      },
      { additionalProperties: false },
    ),
    Type.Object({ method: Type.Literal('electronic') }, { additionalProperties: false }),
  ],
  { $id: 'DeliveryBody' },
);
export type DeliveryBody = Static<typeof DeliveryBodySchema>;

export const SHIPMENT_STATUSES = ['accepted', 'in_transit', 'delivered', 'returned'] as const;
export const ShipmentStatusSchema = Literals(SHIPMENT_STATUSES, { $id: 'ShipmentStatus' });
export type ShipmentStatus = Static<typeof ShipmentStatusSchema>;

export const ShipmentSchema = Type.Object(
  {
    id: Type.String(),
    dossierCode: Type.String(),
    carrier: Type.String(),
    trackingNumber: Type.String(),
    recipientName: Type.String(),
    address: Type.String(),
    codFeeVnd: Type.Integer(),
    /** Says in both languages that the fee is a configured stand-in, not a carrier's tariff. */
    codFeeNote: Bilingual,
    status: Type.Ref(ShipmentStatusSchema),
    statusLabel: Bilingual,
    events: Type.Array(Type.Object({ status: Type.Ref(ShipmentStatusSchema), at: Type.String(), source: Type.String(), note: Nullable(Type.String()) })),
  },
  { $id: 'Shipment' },
);
export type Shipment = Static<typeof ShipmentSchema>;
export const ShipmentListSchema = ItemsOf(Type.Ref(ShipmentSchema), { $id: 'ShipmentList' });
export type ShipmentList = Static<typeof ShipmentListSchema>;

export const ShipmentEventBodySchema = Type.Object(
  { status: Type.Ref(ShipmentStatusSchema), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

/** The carrier's webhook body (read from the raw bytes, after the HMAC check). */
export const PostalWebhookBodySchema = Type.Object(
  { trackingNumber: Type.String(), status: Type.Ref(ShipmentStatusSchema), note: Type.Optional(Type.String()) },
  { $id: 'PostalWebhookBody' },
);

/**
 * authentic   – a document Motcua issued, byte for byte, with a valid signature over the whole file
 * altered     – a signature is present but no longer matches the bytes (or bytes were appended)
 * unknown     – the file is intact as far as its signature goes, but Motcua never issued it
 * not_found   – the link names no document Motcua issued
 */
export const VerdictSchema = Literals(['authentic', 'altered', 'unknown', 'not_found'] as const, { $id: 'Verdict' });
export type Verdict = Static<typeof VerdictSchema>;

export const VerificationReportSchema = Type.Object(
  {
    verdict: Type.Ref(VerdictSchema),
    checkedFrom: Literals(['link', 'file'] as const),
    /** Only what is printed on the document itself: no applicant data. */
    document: Type.Union([
      Type.Object({
        kind: Type.Ref(DocumentKindSchema),
        kindTitle: Bilingual,
        dossierCode: Type.String(),
        issuingUnit: Type.String(),
        signedBy: Type.String(),
        signedAt: Type.String(),
        sha256: Type.String(),
      }),
      Type.Null(),
    ]),
    checks: Type.Object({
      issuedByMotcua: Type.Boolean(),
      /** The SHA-256 of the checked bytes equals the recorded one (the stored copy, for a link). */
      hashMatches: Type.Boolean(),
      signatureValid: Nullable(Type.Boolean()),
      coversWholeFile: Nullable(Type.Boolean()),
    }),
    sha256: Nullable(Type.String()),
  },
  { $id: 'VerificationReport' },
);
export type VerificationReport = Static<typeof VerificationReportSchema>;

export const RESULT_SCHEMAS = [
  DocumentKindSchema,
  IssuedDocumentSchema,
  IssuedDocumentListSchema,
  DeliveryBodySchema,
  ShipmentStatusSchema,
  ShipmentSchema,
  ShipmentListSchema,
  PostalWebhookBodySchema,
  VerdictSchema,
  VerificationReportSchema,
];
