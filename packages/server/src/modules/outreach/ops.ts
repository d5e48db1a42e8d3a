import { Type, type Static } from '@sinclair/typebox';
import { ApplicantSchema } from '@motcua/core/api';

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

export const SyncOp = Type.Union([ReceiveDossierOp, CompleteOnSpotOp, RecordConsultationOp, RecordSurveyOp, UpdateDossierOp]);
export type SyncOp = Static<typeof SyncOp>;
export type OpKind = SyncOp['kind'];

export const SyncBody = Type.Object(
  {
    sessionId: Type.String({ format: 'uuid' }),
    ops: Type.Array(SyncOp, { minItems: 1, maxItems: MAX_OPS_PER_BATCH }),
  },
  { additionalProperties: false },
);
export type SyncBody = Static<typeof SyncBody>;

const OpError = Type.Object({
  code: Type.String(),
  messageVi: Type.String(),
  messageEn: Type.String(),
  field: Type.Optional(Type.String()),
  retryable: Type.Boolean({ description: 'true: chưa ghi nhận, gửi lại cùng id sau — not recorded, resend with the same id later' }),
  retryAfter: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: 'Số giây nên chờ trước khi gửi lại (vd. thời điểm trên máy đi trước đồng hồ máy chủ) — seconds to wait before resending',
    }),
  ),
});

/** When the server received the request and sent the answer: the field app corrects its clock from these. */
export const ServerClockSchema = Type.Object(
  {
    receivedAt: Type.String({ format: 'date-time', description: 'Máy chủ nhận yêu cầu lúc — when the request arrived' }),
    sentAt: Type.String({ format: 'date-time', description: 'Máy chủ trả lời lúc — when the answer was sent' }),
  },
  { description: 'Đồng hồ máy chủ: ứng dụng lưu động tính độ lệch đồng hồ của máy từ đây (@motcua/core/field readClock)' },
);

export const OpResult = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Literal('applied'), Type.Literal('duplicate'), Type.Literal('rejected'), Type.Literal('conflict')]),
  result: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  error: Type.Optional(OpError),
  server: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), { description: 'conflict: hồ sơ hiện tại trên máy chủ — the dossier as the server has it now' }),
  ),
  original: Type.Optional(
    Type.Object({ status: Type.String(), appliedAt: Type.String() }, { description: 'duplicate: kết quả lần đầu — how the op was first settled' }),
  ),
});
export type OpResult = Static<typeof OpResult>;

export const SyncResponse = Type.Object({
  sessionId: Type.String(),
  results: Type.Array(OpResult),
  summary: Type.Object({ applied: Type.Integer(), duplicate: Type.Integer(), rejected: Type.Integer(), conflict: Type.Integer() }),
  serverClock: ServerClockSchema,
});
