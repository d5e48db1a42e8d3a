import { Type, type Static } from '@sinclair/typebox';
import { ItemsOf, Literals, Nullable } from './common.ts';

/** The uploads module's wire shapes: uploaded files and the citizen's document store (modules/uploads). */

export const UploadSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    size: Type.Integer(),
    mediaType: Type.String(),
    filename: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Upload' },
);
export type Upload = Static<typeof UploadSchema>;

/** A file as the document store shows it (the upload's own time is the document's createdAt). */
export const StoredFileSchema = Type.Omit(UploadSchema, ['createdAt'], { $id: 'StoredFile' });
export type StoredFile = Static<typeof StoredFileSchema>;

/** A paper kept in the citizen's personal store (kho giấy tờ): one they uploaded or a signed result. */
export const PersonalDocumentSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    source: Literals(['upload', 'result'] as const),
    dossierCode: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    upload: Type.Ref(StoredFileSchema),
  },
  { $id: 'PersonalDocument' },
);
export type PersonalDocument = Static<typeof PersonalDocumentSchema>;
export const PersonalDocumentListSchema = ItemsOf(Type.Ref(PersonalDocumentSchema), { $id: 'PersonalDocumentList' });
export type PersonalDocumentList = Static<typeof PersonalDocumentListSchema>;

export const UPLOAD_SCHEMAS = [UploadSchema, StoredFileSchema, PersonalDocumentSchema, PersonalDocumentListSchema];
