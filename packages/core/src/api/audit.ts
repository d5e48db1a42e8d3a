import { Type, type Static } from '@sinclair/typebox';
import { Literals, Nullable } from './common.ts';

/** The audit module's wire shapes: the signed anchors of the audit log's chains (modules/audit). */

export const ANCHOR_FORMAT = 'motcua-audit-anchor/1';

export const AuditAnchorSchema = Type.Object(
  {
    format: Type.Literal(ANCHOR_FORMAT),
    chain: Type.String(),
    entryId: Type.Integer(),
    headHash: Type.String(),
    signedAt: Type.String(),
    algorithm: Type.String(),
    signature: Type.String({ description: 'Base64 of the signature over `statement` (UTF-8)' }),
    /** The exact signed text (rebuilt from the fields above by every verifier). */
    statement: Type.String(),
    certificate: Type.String({ description: 'PEM of the signing certificate' }),
    caCertificates: Type.Array(Type.String()),
    signer: Type.String(),
  },
  { $id: 'AuditAnchor' },
);
export type AuditAnchor = Static<typeof AuditAnchorSchema>;

export const AuditAnchorsSchema = Type.Object(
  { chain: Type.String(), unitName: Nullable(Type.String()), anchors: Type.Array(Type.Ref(AuditAnchorSchema)) },
  { $id: 'AuditAnchors' },
);
export type AuditAnchors = Static<typeof AuditAnchorsSchema>;

export const AnchorOutcomeSchema = Type.Object(
  { status: Literals(['anchored', 'unchanged'] as const), anchor: Type.Ref(AuditAnchorSchema) },
  { $id: 'AnchorOutcome' },
);
export type AnchorOutcome = Static<typeof AnchorOutcomeSchema>;

export const AUDIT_SCHEMAS = [AuditAnchorSchema, AuditAnchorsSchema, AnchorOutcomeSchema];
