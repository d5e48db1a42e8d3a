import { Type, type Static } from '@sinclair/typebox';
import { DATA_KINDS } from '../privacy/table.ts';
import { ItemsOf, Literals, Nullable } from './common.ts';
import { ConsentSchema, DossierSchema } from './dossiers.ts';
import { RoleSchema } from './identity.ts';
import { IssuedDocumentSchema, ShipmentSchema } from './results.ts';
import { PersonalDocumentSchema, UploadSchema } from './uploads.ts';

/**
 * The privacy module's wire shapes. GET /api/me/access-log: each time an official opened a
 * citizen's personal data (khoản 1 Điều 9 Nghị định 13/2023: the right to know), with names and
 * places, never internal ids.
 */

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });

/** Kinds of data Motcua holds (@motcua/core/privacy, who sees what). */
export const DataKindSchema = Literals(
  DATA_KINDS.map((k) => k.kind),
  { $id: 'DataKind' },
);

export const AccessLogEntrySchema = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    dossierCode: Type.String(),
    viewer: Type.Object({
      name: Type.String(),
      /** The official's roles at the time (receptionist, specialist…); the app shows their labels. */
      roles: Type.Array(Type.Ref(RoleSchema)),
      units: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
      via: Literals(['session', 'token', 'unknown'] as const),
    }),
    /** What was opened, in words (e.g. the name of the file). */
    what: Bilingual,
    /** The kinds of personal data the read showed (identity, contact, application, results…). */
    kinds: Type.Array(Type.Ref(DataKindSchema)),
  },
  { $id: 'AccessLogEntry' },
);
export type AccessLogEntry = Static<typeof AccessLogEntrySchema>;
export const AccessLogSchema = ItemsOf(Type.Ref(AccessLogEntrySchema), { $id: 'AccessLog' });
export type AccessLog = Static<typeof AccessLogSchema>;
export type AccessLogResponse = AccessLog;

const DownloadUrl = Type.Object({ downloadUrl: Type.String() });

/**
 * GET /api/me/export: everything Motcua holds about the citizen, as the citizen sees it (Nghị
 * định 13/2023/NĐ-CP, khoản 1, 3 và 7 Điều 9), sent as a JSON file to save.
 */
export const PersonalDataExportSchema = Type.Object(
  {
    format: Type.Literal('motcua.personal-data-export/1'),
    generatedAt: Type.String(),
    legalBasis: Type.String(),
    subject: Type.Object({ idNumber: Type.String(), fullName: Type.String() }),
    /** The claims the identity provider sent at the latest login, as sent. */
    profileFromIdentityProvider: Nullable(Type.Record(Type.String(), Type.Unknown())),
    sessions: Type.Array(Type.Object({ createdAt: Type.String(), lastSeenAt: Type.String(), expiresAt: Type.String() })),
    dossiers: Type.Array(
      Type.Composite([
        Type.Omit(DossierSchema, ['attachments']),
        Type.Object({
          attachments: Type.Array(Type.Intersect([Type.Object({ id: Type.String(), filename: Type.String() }, { additionalProperties: true }), DownloadUrl])),
          issuedDocuments: Type.Array(Type.Ref(IssuedDocumentSchema)),
          shipments: Type.Array(Type.Ref(ShipmentSchema)),
        }),
      ]),
    ),
    consents: Type.Array(Type.Intersect([Type.Object({ dossierCode: Type.String() }), Type.Ref(ConsentSchema)])),
    uploads: Type.Array(Type.Intersect([Type.Ref(UploadSchema), DownloadUrl])),
    personalDocuments: Type.Array(Type.Intersect([Type.Ref(PersonalDocumentSchema), DownloadUrl])),
    notices: Type.Array(
      Type.Object({ dossierCode: Type.String(), action: Type.String(), channel: Type.String(), recipient: Type.String(), deliveredAt: Type.String() }),
    ),
    accessLog: Type.Array(Type.Ref(AccessLogEntrySchema)),
  },
  { $id: 'PersonalDataExport' },
);
export type PersonalDataExport = Static<typeof PersonalDataExportSchema>;

export const PRIVACY_SCHEMAS = [DataKindSchema, AccessLogEntrySchema, AccessLogSchema, PersonalDataExportSchema];
