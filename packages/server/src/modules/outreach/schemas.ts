import { Type } from '@sinclair/typebox';
import { ServerClockSchema } from './ops.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const UnitCode = Type.String({ pattern: '^[0-9]{5}$', description: 'Mã xã, phường (5 chữ số)' });
export const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (giờ Việt Nam)' });
const HamletCode = Type.String({ pattern: '^[0-9]{5}-[0-9]{2,3}$' });
const Part = Type.Union([Type.Literal('morning'), Type.Literal('afternoon')], { description: 'morning = buổi sáng, afternoon = buổi chiều' });

export const RuleSchema = Type.Object(
  {
    weekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      description: '0 = Chủ nhật, 1 = thứ Hai … 6 = thứ Bảy',
    }),
    part: Part,
    from: Day,
    to: Day,
  },
  { additionalProperties: false },
);

export const RoundInputSchema = Type.Object(
  {
    unitCode: UnitCode,
    title: Type.String({ minLength: 3, maxLength: 200 }),
    meetingPoint: Type.String({ minLength: 3, maxLength: 300, description: 'Điểm tập trung, vd. Nhà văn hóa ấp Long Hòa 1' }),
    rules: Type.Array(RuleSchema, { minItems: 1, maxItems: 10 }),
    hamletCodes: Type.Array(HamletCode, { minItems: 1, maxItems: 50 }),
    teamUserIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 20,
      description: 'Mã cán bộ (official id) có vai trò outreach hoặc receptionist',
    }),
    procedureCodes: Type.Array(Type.String({ minLength: 3, maxLength: 40 }), { minItems: 1, maxItems: 100, description: 'Thủ tục nhận tại chỗ' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

export const RoundUpdateSchema = Type.Composite([RoundInputSchema, Type.Object({ version: Type.Integer({ minimum: 1 }) })], { additionalProperties: false });

export const SessionSchema = Type.Object({
  id: Type.String(),
  roundId: Type.String(),
  unitCode: Type.String(),
  day: Type.String(),
  part: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  hamletCodes: Type.Array(Type.String()),
  meetingPoint: Type.String(),
  status: Type.Union([Type.Literal('planned'), Type.Literal('cancelled')]),
});

const RoundFields = {
  id: Type.String(),
  unitCode: Type.String(),
  title: Type.String(),
  meetingPoint: Type.String(),
  rules: Type.Array(RuleSchema),
  hamletCodes: Type.Array(Type.String()),
  teamUserIds: Type.Array(Type.String()),
  procedureCodes: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  version: Type.Integer(),
};
export const RoundSchema = Type.Object(RoundFields);
export const RoundViewSchema = Type.Object({
  ...RoundFields,
  sessions: Type.Array(SessionSchema),
  skipped: Type.Array(Type.Object({ day: Type.String(), part: Type.String(), reasonVi: Type.String(), reasonEn: Type.String() }), {
    description: 'Ngày đúng lịch nhưng là ngày nghỉ (lễ, Tết, nghỉ bù) nên không có buổi',
  }),
});

export const SessionPatchSchema = Type.Object(
  {
    hamletCodes: Type.Optional(Type.Array(HamletCode, { minItems: 1, maxItems: 50 })),
    meetingPoint: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    status: Type.Optional(Type.Union([Type.Literal('planned'), Type.Literal('cancelled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Reason = Type.Union([Type.Literal('elderly'), Type.Literal('disabled'), Type.Literal('ill'), Type.Literal('other')], {
  description: 'elderly = cao tuổi, disabled = khuyết tật, ill = ốm đau',
});
export const AssistanceSchema = Type.Object({
  id: Type.String(),
  unitCode: Type.String(),
  hamletCode: Type.String(),
  fullName: Type.String(),
  reason: Reason,
  note: Nullable(Type.String()),
  active: Type.Boolean(),
});
export const AssistanceInputSchema = Type.Object(
  {
    unitCode: UnitCode,
    hamletCode: HamletCode,
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    reason: Reason,
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export const AssistancePatchSchema = Type.Object(
  {
    hamletCode: Type.Optional(HamletCode),
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    reason: Type.Optional(Reason),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

const ScorePart = Type.Object({
  key: Type.String(),
  labelVi: Type.String(),
  labelEn: Type.String(),
  points: Type.Number(),
  max: Type.Number(),
  explanationVi: Type.String(),
  explanationEn: Type.String(),
});
export const SuggestionsSchema = Type.Object({
  unitCode: Type.String(),
  asOf: Type.String(),
  items: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      hamletCode: Type.String(),
      hamletName: Type.String(),
      score: Type.Number({ description: 'Tổng điểm (0–100) = cộng các phần trong parts' }),
      parts: Type.Array(ScorePart),
      facts: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const ScheduleSchema = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  from: Type.String(),
  items: Type.Array(
    Type.Object({
      sessionId: Type.String(),
      roundTitle: Type.String(),
      day: Type.String(),
      part: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      meetingPoint: Type.String(),
      hamlets: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
      announcementVi: Type.String({ description: 'Câu thông báo, vd. "Tổ tiếp nhận lưu động sẽ đến ấp Long Hòa 1 vào sáng thứ Ba 01/12/2026, …"' }),
      announcementEn: Type.String(),
    }),
  ),
});

const TallyFields = {
  received: Type.Integer(),
  completedOnSpot: Type.Integer(),
  scheduledForReturn: Type.Integer(),
  consulted: Type.Integer(),
  surveys: Type.Integer(),
  averages: Type.Object({
    overall: Type.Union([Type.Number(), Type.Null()]),
    staff: Type.Union([Type.Number(), Type.Null()]),
    convenience: Type.Union([Type.Number(), Type.Null()]),
  }),
};
const HamletTally = Type.Object({ hamletCode: Type.Union([Type.String(), Type.Null()]), hamletName: Type.String(), ...TallyFields });
export const SessionReportSchema = Type.Object({
  sessionId: Type.String(),
  day: Type.String(),
  part: Type.String(),
  status: Type.String(),
  ...TallyFields,
  byHamlet: Type.Array(HamletTally),
});
export const RoundReportSchema = Type.Object({
  roundId: Type.String(),
  title: Type.String(),
  unitCode: Type.String(),
  unitName: Type.String(),
  ...TallyFields,
  sessions: Type.Array(SessionReportSchema),
  byHamlet: Type.Array(HamletTally),
});

export const KitSchema = Type.Object({
  issuedAt: Type.String(),
  serverClock: ServerClockSchema,
  session: Type.Record(Type.String(), Type.Unknown()),
  procedures: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'Thủ tục đầy đủ (giấy tờ, formSchema JSON Schema 2020-12)' }),
  calendar: Type.Record(Type.String(), Type.Unknown(), { description: 'WorkCalendar của @motcua/core/calendar: tính hạn giải quyết offline giống máy chủ' }),
  hamlets: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  team: Type.Array(Type.Object({ userId: Type.String(), fullName: Type.String(), roles: Type.Array(Type.String()) })),
  residentsNeedingHelp: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  codeBlock: Type.Object(
    { unitCode: Type.String(), blockIndex: Type.Integer(), firstSeq: Type.Integer(), lastSeq: Type.Integer(), size: Type.Integer(), format: Type.String() },
    { description: 'Khối mã dự trữ: codeFromReservedBlock(block, ngày, offset) của @motcua/core/dossier' },
  ),
  credential: Type.Object(
    { id: Type.String(), token: Type.String(), expiresAt: Type.String(), scope: Type.String(), header: Type.String() },
    { description: 'Mã truy cập offline: gửi trong header x-outreach-credential khi đồng bộ' },
  ),
  sync: Type.Object({ opsUrl: Type.String(), uploadsUrl: Type.String(), maxOpsPerBatch: Type.Integer(), chunkSize: Type.Integer() }),
});

export const FieldUploadSchema = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  mediaType: Type.String(),
  filename: Type.String(),
  chunkSize: Type.Integer(),
  chunkCount: Type.Integer(),
  received: Type.Array(Type.Integer()),
  missing: Type.Array(Type.Integer()),
  complete: Type.Boolean(),
  uploadId: Type.Union([Type.String(), Type.Null()], { description: 'Mã tệp của module uploads khi đã hoàn tất' }),
});

export const FieldUploadDeclareSchema = Type.Object(
  {
    sessionId: Uuid,
    size: Type.Integer({ minimum: 1 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    mediaType: Type.Union([Type.Literal('application/pdf'), Type.Literal('image/jpeg'), Type.Literal('image/png')]),
    filename: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
