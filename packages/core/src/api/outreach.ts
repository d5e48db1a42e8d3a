import { Type, type Static } from '@sinclair/typebox';
import type { WorkCalendar } from '../calendar/index.ts';
import { ProcedureSchema } from './catalog.ts';
import { HamletCode, ItemsOf, Literals, Nullable, UnitCode } from './common.ts';

/*
 * Outreach's wire shapes (modules/outreach): planning rounds and sessions, residents needing
 * help, suggestions, reports, the public schedule, and what the field app downloads (the kit)
 * and sends back (sync answers, resumable uploads).
 */

const Uuid = Type.String({ format: 'uuid' });
const VnDay = Type.String({ format: 'date', description: 'YYYY-MM-DD (giờ Việt Nam)' });

export const SessionPartSchema = Literals(['morning', 'afternoon'] as const, {
  $id: 'OutreachSessionPart',
  description: 'morning = buổi sáng, afternoon = buổi chiều',
});
export type SessionPart = Static<typeof SessionPartSchema>;

export const SessionStatusSchema = Literals(['planned', 'cancelled'] as const, { $id: 'OutreachSessionStatus' });
export type SessionStatus = Static<typeof SessionStatusSchema>;

export const AssistanceReasonSchema = Literals(['elderly', 'disabled', 'ill', 'other'] as const, {
  $id: 'AssistanceReason',
  description: 'elderly = cao tuổi, disabled = khuyết tật, ill = ốm đau',
});
export type AssistanceReason = Static<typeof AssistanceReasonSchema>;

// ---- Planning --------------------------------------------------------------------------------

export const OutreachRuleSchema = Type.Object(
  {
    weekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      description: '0 = Chủ nhật, 1 = thứ Hai … 6 = thứ Bảy',
    }),
    part: Type.Ref(SessionPartSchema),
    from: VnDay,
    to: VnDay,
  },
  { $id: 'OutreachRule', additionalProperties: false },
);
export type OutreachRule = Static<typeof OutreachRuleSchema>;

const RoundInputFields = {
  unitCode: UnitCode,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  meetingPoint: Type.String({ minLength: 3, maxLength: 300, description: 'Điểm tập trung, vd. Nhà văn hóa ấp Long Hòa 1' }),
  rules: Type.Array(Type.Ref(OutreachRuleSchema), { minItems: 1, maxItems: 10 }),
  hamletCodes: Type.Array(HamletCode, { minItems: 1, maxItems: 50 }),
  teamUserIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    minItems: 1,
    maxItems: 20,
    description: 'Mã cán bộ (official id) có vai trò outreach hoặc receptionist',
  }),
  procedureCodes: Type.Array(Type.String({ minLength: 3, maxLength: 40 }), { minItems: 1, maxItems: 100, description: 'Thủ tục nhận tại chỗ' }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};
export const RoundInputSchema = Type.Object(RoundInputFields, { $id: 'OutreachRoundInput', additionalProperties: false });
export type RoundInput = Static<typeof RoundInputSchema>;

export const RoundUpdateSchema = Type.Object(
  { ...RoundInputFields, version: Type.Integer({ minimum: 1 }) },
  { $id: 'OutreachRoundUpdate', additionalProperties: false },
);
export type RoundUpdate = Static<typeof RoundUpdateSchema>;

export const OutreachSessionSchema = Type.Object(
  {
    id: Type.String(),
    roundId: Type.String(),
    unitCode: Type.String(),
    day: Type.String(),
    part: Type.Ref(SessionPartSchema),
    startsAt: Type.String(),
    endsAt: Type.String(),
    hamletCodes: Type.Array(Type.String()),
    meetingPoint: Type.String(),
    status: Type.Ref(SessionStatusSchema),
  },
  { $id: 'OutreachSession' },
);
export type OutreachSession = Static<typeof OutreachSessionSchema>;

const RoundFields = {
  id: Type.String(),
  unitCode: Type.String(),
  title: Type.String(),
  meetingPoint: Type.String(),
  rules: Type.Array(Type.Ref(OutreachRuleSchema)),
  hamletCodes: Type.Array(Type.String()),
  teamUserIds: Type.Array(Type.String()),
  procedureCodes: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  version: Type.Integer(),
};
export const RoundSchema = Type.Object(RoundFields, { $id: 'OutreachRound' });
export type Round = Static<typeof RoundSchema>;

export const RoundListSchema = ItemsOf(Type.Ref(RoundSchema), { $id: 'OutreachRoundList' });
export type RoundList = Static<typeof RoundListSchema>;

export const SkippedDaySchema = Type.Object(
  { day: Type.String(), part: Type.Ref(SessionPartSchema), reasonVi: Type.String(), reasonEn: Type.String() },
  { $id: 'OutreachSkippedDay' },
);
export type SkippedDay = Static<typeof SkippedDaySchema>;

export const RoundViewSchema = Type.Object(
  {
    ...RoundFields,
    sessions: Type.Array(Type.Ref(OutreachSessionSchema)),
    skipped: Type.Array(Type.Ref(SkippedDaySchema), { description: 'Ngày đúng lịch nhưng là ngày nghỉ (lễ, Tết, nghỉ bù) nên không có buổi' }),
  },
  { $id: 'OutreachRoundView' },
);
export type RoundView = Static<typeof RoundViewSchema>;

export const SessionPatchSchema = Type.Object(
  {
    hamletCodes: Type.Optional(Type.Array(HamletCode, { minItems: 1, maxItems: 50 })),
    meetingPoint: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    status: Type.Optional(Type.Ref(SessionStatusSchema)),
  },
  { $id: 'OutreachSessionPatch', additionalProperties: false, minProperties: 1 },
);
export type SessionPatch = Static<typeof SessionPatchSchema>;

export const OutreachUnitQuery = Type.Object({ unit: UnitCode });
export const OutreachIdParams = Type.Object({ id: Uuid });

// ---- Residents needing help ------------------------------------------------------------------

export const AssistanceSchema = Type.Object(
  {
    id: Type.String(),
    unitCode: Type.String(),
    hamletCode: Type.String(),
    fullName: Type.String(),
    reason: Type.Ref(AssistanceReasonSchema),
    note: Nullable(Type.String()),
    active: Type.Boolean(),
  },
  { $id: 'Assistance' },
);
export type Assistance = Static<typeof AssistanceSchema>;

export const AssistanceListSchema = ItemsOf(Type.Ref(AssistanceSchema), { $id: 'AssistanceList' });
export type AssistanceList = Static<typeof AssistanceListSchema>;

export const AssistanceQuerySchema = Type.Object({ unit: UnitCode, hamlet: Type.Optional(HamletCode) });

export const AssistanceInputSchema = Type.Object(
  {
    unitCode: UnitCode,
    hamletCode: HamletCode,
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    reason: Type.Ref(AssistanceReasonSchema),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { $id: 'AssistanceInput', additionalProperties: false },
);
export type AssistanceInput = Static<typeof AssistanceInputSchema>;

export const AssistancePatchSchema = Type.Object(
  {
    hamletCode: Type.Optional(HamletCode),
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    reason: Type.Optional(Type.Ref(AssistanceReasonSchema)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'AssistancePatch', additionalProperties: false, minProperties: 1 },
);
export type AssistancePatch = Static<typeof AssistancePatchSchema>;

// ---- Suggestions -----------------------------------------------------------------------------

export const ScorePartSchema = Type.Object(
  {
    key: Literals(['remoteness', 'assistance', 'demand', 'recency'] as const),
    labelVi: Type.String(),
    labelEn: Type.String(),
    points: Type.Number(),
    max: Type.Number(),
    explanationVi: Type.String(),
    explanationEn: Type.String(),
  },
  { $id: 'SuggestionScorePart' },
);
export type ScorePart = Static<typeof ScorePartSchema>;

export const HamletFactsSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    distanceKm: Nullable(Type.Number()),
    travelMinutes: Nullable(Type.Number()),
    dossiers: Type.Integer(),
    enquiries: Type.Integer(),
    assistance: Type.Object({ elderly: Type.Integer(), disabled: Type.Integer(), ill: Type.Integer(), other: Type.Integer() }),
    lastVisit: Nullable(Type.String()),
  },
  { $id: 'HamletFacts', description: 'Số liệu dùng để tính điểm — the facts the score is computed from' },
);
export type HamletFacts = Static<typeof HamletFactsSchema>;

export const SuggestionSchema = Type.Object(
  {
    rank: Type.Integer(),
    hamletCode: Type.String(),
    hamletName: Type.String(),
    score: Type.Number({ description: 'Tổng điểm (0–100) = cộng các phần trong parts' }),
    parts: Type.Array(Type.Ref(ScorePartSchema)),
    facts: Type.Ref(HamletFactsSchema),
  },
  { $id: 'Suggestion' },
);
export type Suggestion = Static<typeof SuggestionSchema>;

export const SuggestionsSchema = Type.Object(
  { unitCode: Type.String(), asOf: Type.String(), items: Type.Array(Type.Ref(SuggestionSchema)) },
  { $id: 'Suggestions' },
);
export type Suggestions = Static<typeof SuggestionsSchema>;

// ---- Public schedule -------------------------------------------------------------------------

export const ScheduleItemSchema = Type.Object(
  {
    sessionId: Type.String(),
    roundTitle: Type.String(),
    day: Type.String(),
    part: Type.Ref(SessionPartSchema),
    startsAt: Type.String(),
    endsAt: Type.String(),
    meetingPoint: Type.String(),
    hamlets: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    announcementVi: Type.String({ description: 'Câu thông báo, vd. "Tổ tiếp nhận lưu động sẽ đến ấp Long Hòa 1 vào sáng thứ Ba 01/12/2026, …"' }),
    announcementEn: Type.String(),
  },
  { $id: 'OutreachScheduleItem' },
);
export type ScheduleItem = Static<typeof ScheduleItemSchema>;

export const ScheduleSchema = Type.Object(
  { unitCode: Type.String(), unitName: Type.String(), from: Type.String(), items: Type.Array(Type.Ref(ScheduleItemSchema)) },
  { $id: 'OutreachSchedule' },
);
export type Schedule = Static<typeof ScheduleSchema>;

export const ScheduleQuerySchema = Type.Object({ unit: UnitCode, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 60 })) });
export const ScheduleParams = Type.Object({ unitCode: UnitCode });

// ---- Reports ---------------------------------------------------------------------------------

const TallyFields = {
  received: Type.Integer(),
  completedOnSpot: Type.Integer(),
  scheduledForReturn: Type.Integer({
    description: 'Nhận tại ấp nhưng chưa xong tại chỗ: trả kết quả lần sau hoặc tại bộ phận một cửa — received but not finished on the spot',
  }),
  consulted: Type.Integer(),
  surveys: Type.Integer(),
  averages: Type.Object(
    { overall: Nullable(Type.Number()), staff: Nullable(Type.Number()), convenience: Nullable(Type.Number()) },
    { description: 'Điểm trung bình 1–5; null khi chưa có khảo sát — averages of the 1–5 ratings, null without surveys' },
  ),
};
/** What a session or round counts: the field app computes the same figures on the device. */
export const TallySchema = Type.Object(TallyFields, { $id: 'OutreachTally' });
export type Tally = Static<typeof TallySchema>;

export const HamletTallySchema = Type.Object(
  { hamletCode: Nullable(Type.String()), hamletName: Type.String(), ...TallyFields },
  { $id: 'OutreachHamletTally' },
);
export type HamletTally = Static<typeof HamletTallySchema>;

export const SessionReportSchema = Type.Object(
  {
    sessionId: Type.String(),
    day: Type.String(),
    part: Type.Ref(SessionPartSchema),
    status: Type.Ref(SessionStatusSchema),
    ...TallyFields,
    byHamlet: Type.Array(Type.Ref(HamletTallySchema)),
  },
  { $id: 'OutreachSessionReport' },
);
export type SessionReport = Static<typeof SessionReportSchema>;

export const RoundReportSchema = Type.Object(
  {
    roundId: Type.String(),
    title: Type.String(),
    unitCode: Type.String(),
    unitName: Type.String(),
    ...TallyFields,
    sessions: Type.Array(Type.Ref(SessionReportSchema)),
    byHamlet: Type.Array(Type.Ref(HamletTallySchema)),
  },
  { $id: 'OutreachRoundReport' },
);
export type RoundReport = Static<typeof RoundReportSchema>;

// ---- The field kit ---------------------------------------------------------------------------

/** When the server received the request and sent the answer: the field app corrects its clock from these. */
export const ServerClockSchema = Type.Object(
  {
    receivedAt: Type.String({ format: 'date-time', description: 'Máy chủ nhận yêu cầu lúc — when the request arrived' }),
    sentAt: Type.String({ format: 'date-time', description: 'Máy chủ trả lời lúc — when the answer was sent' }),
  },
  { $id: 'ServerClock', description: 'Đồng hồ máy chủ: ứng dụng lưu động tính độ lệch đồng hồ của máy từ đây (@motcua/core/field readClock)' },
);
export type ServerClock = Static<typeof ServerClockSchema>;

export const KitQuerySchema = Type.Object({
  deviceId: Type.String({
    minLength: 4,
    maxLength: 100,
    pattern: '^[A-Za-z0-9_.:-]+$',
    description: 'Mã cố định của máy (sinh một lần, lưu trên máy)',
  }),
});

export const FieldKitSchema = Type.Object(
  {
    issuedAt: Type.String(),
    serverClock: Type.Ref(ServerClockSchema),
    session: Type.Object({
      id: Type.String(),
      roundId: Type.String(),
      roundTitle: Type.String(),
      unitCode: Type.String(),
      unitName: Type.String(),
      day: Type.String(),
      part: Type.Ref(SessionPartSchema),
      startsAt: Type.String(),
      endsAt: Type.String(),
      meetingPoint: Type.String(),
      hamletCodes: Type.Array(Type.String()),
    }),
    procedures: Type.Array(Type.Ref(ProcedureSchema), { description: 'Thủ tục đầy đủ (giấy tờ, formSchema JSON Schema 2020-12)' }),
    // The work calendar is core's document (@motcua/core/calendar WorkCalendar), passed through whole.
    calendar: Type.Unsafe<WorkCalendar>(
      Type.Object({}, { additionalProperties: true, description: 'WorkCalendar của @motcua/core/calendar: tính hạn giải quyết offline giống máy chủ' }),
    ),
    hamlets: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        distanceKm: Nullable(Type.Number()),
        travelMinutes: Nullable(Type.Integer()),
      }),
    ),
    team: Type.Array(Type.Object({ userId: Type.String(), fullName: Type.String(), roles: Type.Array(Type.String()) })),
    residentsNeedingHelp: Type.Array(
      Type.Object({
        id: Type.String(),
        hamletCode: Type.String(),
        fullName: Type.String(),
        reason: Type.Ref(AssistanceReasonSchema),
        note: Nullable(Type.String()),
      }),
    ),
    codeBlock: Type.Object(
      {
        agencyCode: Type.String({ description: 'Mã định danh cơ quan (QCVN 102:2016/BTTTT), phần đầu của mã hồ sơ' }),
        blockIndex: Type.Integer(),
        firstSeq: Type.Integer({ minimum: 1, maximum: 9999 }),
        lastSeq: Type.Integer({ minimum: 1, maximum: 9999 }),
        size: Type.Integer(),
        format: Type.String(),
      },
      { description: 'Khối số dự trữ của ngày buổi lưu động: codeFromReservedBlock(block, ngày, offset) của @motcua/core/dossier' },
    ),
    credential: Type.Object(
      { id: Type.String(), token: Type.String(), expiresAt: Type.String(), scope: Type.String(), header: Type.String() },
      { description: 'Mã truy cập offline: gửi trong header x-outreach-credential khi đồng bộ' },
    ),
    sync: Type.Object({ opsUrl: Type.String(), uploadsUrl: Type.String(), maxOpsPerBatch: Type.Integer(), chunkSize: Type.Integer() }),
  },
  { $id: 'FieldKit' },
);
export type FieldKit = Static<typeof FieldKitSchema>;

// ---- Resumable uploads from the field ---------------------------------------------------------

export const FieldUploadSchema = Type.Object(
  {
    id: Type.String(),
    sessionId: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    mediaType: Type.String(),
    filename: Type.String(),
    chunkSize: Type.Integer(),
    chunkCount: Type.Integer(),
    received: Type.Array(Type.Integer(), { description: 'Các phần đã lưu: khi tải tiếp chỉ gửi các phần còn lại — indices already stored' }),
    missing: Type.Array(Type.Integer()),
    complete: Type.Boolean(),
    uploadId: Nullable(Type.String({ description: 'Mã tệp của module uploads khi đã hoàn tất' })),
  },
  { $id: 'FieldUpload' },
);
export type FieldUpload = Static<typeof FieldUploadSchema>;

export const FieldMediaTypeSchema = Literals(['application/pdf', 'image/jpeg', 'image/png'] as const, { $id: 'FieldMediaType' });
export type FieldMediaType = Static<typeof FieldMediaTypeSchema>;

export const FieldUploadDeclareSchema = Type.Object(
  {
    sessionId: Uuid,
    size: Type.Integer({ minimum: 1 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    mediaType: Type.Ref(FieldMediaTypeSchema),
    filename: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { $id: 'FieldUploadDeclare', additionalProperties: false },
);
export type FieldUploadDeclare = Static<typeof FieldUploadDeclareSchema>;

export const ChunkParams = Type.Object({ id: Uuid, index: Type.Integer({ minimum: 0 }) });
export const ChunkStoredSchema = Type.Object({ index: Type.Integer(), stored: Type.Boolean() }, { $id: 'FieldChunkStored' });
export type ChunkStored = Static<typeof ChunkStoredSchema>;

// ---- Sync answers ----------------------------------------------------------------------------

export const OpStatusSchema = Literals(['applied', 'duplicate', 'rejected', 'conflict'] as const, { $id: 'FieldOpStatus' });
export type OpStatus = Static<typeof OpStatusSchema>;

export const OpErrorSchema = Type.Object(
  {
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
  },
  { $id: 'FieldOpError' },
);
export type OpError = Static<typeof OpErrorSchema>;

export const OpResultSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    status: Type.Ref(OpStatusSchema),
    result: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    error: Type.Optional(Type.Ref(OpErrorSchema)),
    server: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'conflict: hồ sơ hiện tại trên máy chủ — the dossier as the server has it now' }),
    ),
    original: Type.Optional(
      Type.Object({ status: Type.String(), appliedAt: Type.String() }, { description: 'duplicate: kết quả lần đầu — how the op was first settled' }),
    ),
  },
  { $id: 'FieldOpResult' },
);
export type OpResult = Static<typeof OpResultSchema>;

export const SyncAnswerSchema = Type.Object(
  {
    sessionId: Type.String(),
    results: Type.Array(Type.Ref(OpResultSchema)),
    summary: Type.Object({ applied: Type.Integer(), duplicate: Type.Integer(), rejected: Type.Integer(), conflict: Type.Integer() }),
    serverClock: Type.Ref(ServerClockSchema),
  },
  { $id: 'FieldSyncAnswer' },
);
export type SyncAnswer = Static<typeof SyncAnswerSchema>;

/** Printable pages and the spreadsheet: the answer is the document itself. */
export const HtmlPage = Type.String({ description: 'Trang HTML — an HTML page' });
// The server sends the workbook's bytes (a Node Buffer is a Uint8Array).
export const XlsxFile = Type.Unsafe<Uint8Array>(Type.String({ format: 'binary', description: 'Tệp Excel (.xlsx) — an Office Open XML workbook' }));

export const OUTREACH_SCHEMAS = [
  SessionPartSchema,
  SessionStatusSchema,
  AssistanceReasonSchema,
  OutreachRuleSchema,
  RoundInputSchema,
  RoundUpdateSchema,
  OutreachSessionSchema,
  RoundSchema,
  RoundListSchema,
  SkippedDaySchema,
  RoundViewSchema,
  SessionPatchSchema,
  AssistanceSchema,
  AssistanceListSchema,
  AssistanceInputSchema,
  AssistancePatchSchema,
  ScorePartSchema,
  HamletFactsSchema,
  SuggestionSchema,
  SuggestionsSchema,
  ScheduleItemSchema,
  ScheduleSchema,
  TallySchema,
  HamletTallySchema,
  SessionReportSchema,
  RoundReportSchema,
  ServerClockSchema,
  FieldKitSchema,
  FieldUploadSchema,
  FieldMediaTypeSchema,
  FieldUploadDeclareSchema,
  ChunkStoredSchema,
  OpStatusSchema,
  OpErrorSchema,
  OpResultSchema,
  SyncAnswerSchema,
];
