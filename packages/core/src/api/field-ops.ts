import { Type, type Static } from '@sinclair/typebox';
import { ApplicantSchema } from './dossiers.ts';

/**
 * The field app's operations. Each carries a client-generated UUID (`id`); the server applies
 * it at most once, whatever the number of retries (see README.md, "Sync protocol").
 */
export const MAX_OPS_PER_BATCH = 200;

const Id = Type.String({ format: 'uuid', description: 'UUID sinh ở máy khách; gửi lại cùng id khi thử lại — client-generated, reused on retry' });
const At = Type.String({ format: 'date-time', description: 'Thời điểm thao tác trên máy (ISO 8601 có múi giờ)' });
const DossierCode = Type.String({ pattern: '^[A-Za-z0-9._-]+-[0-9]{6}-[0-9]{4,}$' });
const Hamlet = Type.Union([Type.String({ pattern: '^[0-9]{5}-[0-9]{2,3}$' }), Type.Null()]);
const Rating = Type.Integer({ minimum: 1, maximum: 5 });

export const ReceiveDossierOp = Type.Object(
  {
    id: Id,
    kind: Type.Literal('receive_dossier'),
    at: At,
    dossier: Type.Object(
      {
        code: Type.String({ pattern: '^[A-Za-z0-9._-]+-[0-9]{6}-[0-9]{4,}$', description: 'Mã lấy từ khối mã dự trữ của bộ công cụ (codeBlock)' }),
        receivedAt: Type.String({ format: 'date-time', description: 'Thời điểm tiếp nhận tại ấp: hạn giải quyết tính từ đây' }),
        procedureCode: Type.String({ minLength: 3, maxLength: 40 }),
        applicant: Type.Ref(ApplicantSchema),
        form: Type.Record(Type.String(), Type.Unknown()),
        attachments: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
            maxItems: 30,
            uniqueItems: true,
            description: 'Mã tệp: id của /api/office/outreach/uploads (đã hoàn tất) hoặc của /api/uploads',
          }),
        ),
        resultDelivery: Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('electronic')]),
        postalAddress: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
        consent: Type.Object(
          {
            method: Type.Union([Type.Literal('signature'), Type.Literal('verbal'), Type.Literal('written')]),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        processingDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 365, multipleOf: 0.5 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const CompleteOnSpotOp = Type.Object(
  {
    id: Id,
    kind: Type.Literal('complete_on_spot'),
    at: At,
    dossierCode: DossierCode,
    baseVersion: Type.Integer({ minimum: 1, description: 'Phiên bản hồ sơ máy khách đã thấy; khác phiên bản trên máy chủ thì trả về conflict' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    resultDocumentId: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const RecordConsultationOp = Type.Object(
  {
    id: Id,
    kind: Type.Literal('record_consultation'),
    at: At,
    hamletCode: Hamlet,
    topic: Type.String({ minLength: 1, maxLength: 300 }),
    procedureCode: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    people: Type.Integer({ minimum: 1, maximum: 500 }),
  },
  { additionalProperties: false },
);

export const RecordSurveyOp = Type.Object(
  {
    id: Id,
    kind: Type.Literal('record_survey'),
    at: At,
    hamletCode: Hamlet,
    ratings: Type.Object(
      { overall: Rating, staff: Rating, convenience: Rating },
      { additionalProperties: false, description: 'Hài lòng chung, thái độ cán bộ, sự thuận tiện (1–5)' },
    ),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const UpdateDossierOp = Type.Object(
  {
    id: Id,
    kind: Type.Literal('update_dossier'),
    at: At,
    dossierCode: DossierCode,
    baseVersion: Type.Integer({ minimum: 1 }),
    action: Type.String({ minLength: 1, maxLength: 40, description: 'Thao tác quy trình (vd. return_result, submit_supplement)' }),
    fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export type ReceiveDossierOp = Static<typeof ReceiveDossierOp>;
export type CompleteOnSpotOp = Static<typeof CompleteOnSpotOp>;
export type RecordConsultationOp = Static<typeof RecordConsultationOp>;
export type RecordSurveyOp = Static<typeof RecordSurveyOp>;
export type UpdateDossierOp = Static<typeof UpdateDossierOp>;

export const SyncOp = Type.Union([ReceiveDossierOp, CompleteOnSpotOp, RecordConsultationOp, RecordSurveyOp, UpdateDossierOp]);
export type SyncOp = Static<typeof SyncOp>;
export type OpKind = SyncOp['kind'];

export const SyncBodySchema = Type.Object(
  {
    sessionId: Type.String({ format: 'uuid' }),
    ops: Type.Array(SyncOp, { minItems: 1, maxItems: MAX_OPS_PER_BATCH }),
  },
  { $id: 'SyncBody', additionalProperties: false },
);
export type SyncBody = Static<typeof SyncBodySchema>;

export const FIELD_OP_SCHEMAS = [SyncBodySchema];
