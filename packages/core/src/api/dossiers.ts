import { Type, type Static } from '@sinclair/typebox';
import {
  ACTION_TYPES,
  DOSSIER_STATES,
  type ActionType,
  type Channel,
  type DeliveryMethod,
  type DossierState,
  type FieldType,
  type Timeliness,
} from '../dossier/index.ts';
import { Day, ItemsOf, Literals, Nullable } from './common.ts';
import { FeeAdjustmentSchema, FeeDueAtSchema, FeeQuoteSchema } from './fees.ts';

/** The dossiers module's wire shapes: filing, the dossier, the office queue and the public look-up (modules/dossiers). */

export type { ActionType, Channel, DeliveryMethod, DossierState, Timeliness };

/** A list that names every member of the union T once; a missing member does not compile. */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): L =>
    values;

export { DOSSIER_STATES };
export const CHANNELS = every<Channel>()(['online', 'counter', 'outreach', 'postal']);
export const DELIVERY_METHODS = every<DeliveryMethod>()(['counter', 'post', 'electronic']);
export const TIMELINESS = every<Timeliness>()(['early', 'on_time', 'due_soon', 'late']);
const FIELD_TYPES = every<FieldType>()(['string', 'date-time', 'enum', 'string[]']);

export const DossierStateSchema = Literals(DOSSIER_STATES, { $id: 'DossierState' });
export const ChannelSchema = Literals(CHANNELS, { $id: 'Channel', description: 'online · counter (quầy) · outreach (lưu động) · postal (bưu chính)' });
export const DeliveryMethodSchema = Literals(DELIVERY_METHODS, { $id: 'DeliveryMethod' });
export const TimelinessSchema = Literals(TIMELINESS, { $id: 'Timeliness' });
export const ActionTypeSchema = Literals(ACTION_TYPES, { $id: 'ActionType' });

const UnitCode5 = Type.String({ pattern: '^[0-9]{5}$' });

/** The applicant (người nộp / người yêu cầu) as written on the dossier. */
export const ApplicantSchema = Type.Object(
  {
    idNumber: Type.String({ pattern: '^[0-9]{12}$', description: 'Số CCCD (12 chữ số)' }),
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    birthDate: Day,
    sex: Literals(['male', 'female'] as const),
    phone: Type.String({ pattern: '^(\\+84|0)[0-9]{9,10}$' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    /** Commune of residence. */
    unitCode: UnitCode5,
    hamlet: Type.Union([Type.String({ pattern: '^[0-9]{5}-[0-9]{2,3}$' }), Type.Null()], { description: 'Mã thôn, tổ dân phố' }),
    addressLine: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { $id: 'Applicant', additionalProperties: false },
);
export type Applicant = Static<typeof ApplicantSchema>;

export const AttachmentInputSchema = Type.Object(
  {
    uploadId: Type.String({ minLength: 1, maxLength: 100 }),
    /** Which document of the procedure the file answers. */
    kind: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    label: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { $id: 'AttachmentInput', additionalProperties: false },
);
export type AttachmentInput = Static<typeof AttachmentInputSchema>;

export const ConsentMethodSchema = Literals(['signature', 'verbal', 'written'] as const, { $id: 'ConsentMethod' });

/** POST /api/dossiers. */
export const SubmissionSchema = Type.Object(
  {
    procedureCode: Type.String({ minLength: 3, maxLength: 40 }),
    unitCode: Type.String({ pattern: '^[0-9]{5}$', description: 'Xã, phường tiếp nhận' }),
    channel: Type.Ref(ChannelSchema),
    applicant: Type.Ref(ApplicantSchema),
    form: Type.Record(Type.String(), Type.Unknown()),
    /** Upload ids, or with the document they answer and a label. */
    attachments: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Ref(AttachmentInputSchema)]), { maxItems: 30 })),
    resultDelivery: Type.Ref(DeliveryMethodSchema),
    postalAddress: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    consent: Type.Optional(
      Type.Object({ method: Type.Ref(ConsentMethodSchema), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
    ),
    /** Only when the catalog gives no processing time: the desk sets it at intake. */
    processingDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 365, multipleOf: 0.5 })),
  },
  { $id: 'Submission', additionalProperties: false },
);
export type Submission = Static<typeof SubmissionSchema>;

/** A file on the dossier (sent at intake or with a supplement). */
export const AttachmentSchema = Type.Object(
  { id: Type.String(), filename: Type.String(), mediaType: Type.String(), size: Type.Integer(), sha256: Type.String(), label: Nullable(Type.String()) },
  { $id: 'Attachment' },
);
export type Attachment = Static<typeof AttachmentSchema>;

/** Recorded when an official opens a dossier on a citizen's behalf (counter, outreach, post). */
export const ConsentSchema = Type.Object(
  { method: Type.Ref(ConsentMethodSchema), note: Nullable(Type.String()), recordedBy: Type.String(), at: Type.String() },
  { $id: 'Consent' },
);
export type Consent = Static<typeof ConsentSchema>;

export const FieldSpecSchema = Type.Object(
  {
    name: Type.String(),
    type: Literals(FIELD_TYPES),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String())),
    /** Required only when another field has this value (e.g. a signature for counter delivery). */
    requiredWhen: Type.Optional(Type.Object({ field: Type.String(), equals: Type.String() })),
  },
  { $id: 'FieldSpec' },
);
export type FieldSpec = Static<typeof FieldSpecSchema>;

/** An action the reader may take now, with the fields it asks for. */
export const AllowedActionSchema = Type.Object({ action: Type.Ref(ActionTypeSchema), fields: Type.Array(Type.Ref(FieldSpecSchema)) }, { $id: 'AllowedAction' });
export type AllowedAction = Static<typeof AllowedActionSchema>;

export const HistoryItemSchema = Type.Object(
  { action: Type.String(), at: Type.String(), actorName: Type.String(), note: Nullable(Type.String()) },
  { $id: 'HistoryItem' },
);
export type HistoryItem = Static<typeof HistoryItemSchema>;

/** A dossier as one reader may see it (GET /api/dossiers/{code} and every action's answer). */
export const DossierSchema = Type.Object(
  {
    code: Type.String(),
    state: Type.Ref(DossierStateSchema),
    /** The last event's sequence number: send it back with an action to detect a concurrent change. */
    version: Type.Integer(),
    procedureCode: Type.String(),
    procedureName: Type.String(),
    unitCode: Type.String(),
    channel: Type.Ref(ChannelSchema),
    applicant: Type.Ref(ApplicantSchema),
    form: Type.Record(Type.String(), Type.Unknown()),
    attachments: Type.Array(Type.Ref(AttachmentSchema)),
    resultDelivery: Type.Ref(DeliveryMethodSchema),
    postalAddress: Nullable(Type.String()),
    /** The amount due: computed from the form at filing (core/fees), or as an official last adjusted it; null = the commune will tell you. */
    feeVnd: Nullable(Type.Integer()),
    /** When the fee is paid (from the procedure at filing). */
    feeDueAt: Type.Ref(FeeDueAtSchema),
    /** How feeVnd was computed at filing; null for dossiers filed before fee rules. */
    fee: Type.Union([Type.Ref(FeeQuoteSchema), Type.Null()]),
    /** The officials' adjustments, oldest first; the last one's toVnd is feeVnd. */
    feeAdjustments: Type.Array(Type.Ref(FeeAdjustmentSchema)),
    consent: Type.Union([Type.Ref(ConsentSchema), Type.Null()]),
    submittedAt: Type.String(),
    receivedAt: Nullable(Type.String()),
    dueAt: Nullable(Type.String()),
    /**
     * "dự kiến": true while the dossier awaits the desk's check (dueAt is the appointment if received
     * now), or when dueAt falls in a year whose days off are not announced yet (core isProvisional).
     */
    dueAtProvisional: Type.Boolean(),
    timeliness: Type.Ref(TimelinessSchema),
    assigneeUserId: Nullable(Type.String()),
    missingDocuments: Type.Array(Type.String()),
    /** Required documents that had no file at filing (the completeness rule the wizard shows); null on older dossiers. */
    documentsLacking: Type.Optional(Nullable(Type.Array(Type.String()))),
    apologies: Type.Array(Type.Object({ at: Type.String(), newAppointment: Type.String(), reason: Type.String() })),
    history: Type.Array(Type.Ref(HistoryItemSchema)),
    allowedActions: Type.Array(Type.Ref(AllowedActionSchema)),
  },
  { $id: 'Dossier' },
);
export type Dossier = Static<typeof DossierSchema>;
export const DossierListSchema = ItemsOf(Type.Ref(DossierSchema), { $id: 'DossierList' });
export type DossierList = Static<typeof DossierListSchema>;

const Code = Type.String({ minLength: 8, maxLength: 60, pattern: '^[A-Za-z0-9._-]+-[0-9]{6}-[0-9]{4,}$', description: 'Mã hồ sơ AGENCYCODE-YYMMDD-NNNN' });
export const DossierCodeParams = Type.Object({ code: Code });

/** POST /api/dossiers/{code}/actions: the action, the version read, and the fields it asks for. */
export const ActionBodySchema = Type.Object(
  { action: Type.String({ minLength: 1, maxLength: 40 }), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: true },
);
export type ActionBody = Static<typeof ActionBodySchema> & Record<string, unknown>;

const Iso = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' });

export const QueueQuerySchema = Type.Object({
  unit: Type.Optional(UnitCode5),
  state: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]+$' }), { maxItems: 12 })),
  procedure: Type.Optional(Type.String({ maxLength: 40 })),
  channel: Type.Optional(Type.Ref(ChannelSchema)),
  hamlet: Type.Optional(Type.String({ maxLength: 20 })),
  dueBefore: Type.Optional(Iso),
  late: Type.Optional(Type.Boolean()),
  assignedToMe: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Literals(['dueAt', 'receivedAt'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type QueueQuery = Static<typeof QueueQuerySchema>;

/** A line of the office work queue. */
export const QueueItemSchema = Type.Object(
  {
    code: Type.String(),
    state: Type.Ref(DossierStateSchema),
    unitCode: Type.String(),
    channel: Type.Ref(ChannelSchema),
    procedureCode: Type.String(),
    procedureName: Type.String(),
    applicantName: Type.String(),
    hamlet: Nullable(Type.String()),
    receivedAt: Nullable(Type.String()),
    dueAt: Nullable(Type.String()),
    timeliness: Type.Ref(TimelinessSchema),
    assigneeUserId: Nullable(Type.String()),
  },
  { $id: 'QueueItem' },
);
export type QueueItem = Static<typeof QueueItemSchema>;
export const QueuePageSchema = Type.Object({ items: Type.Array(Type.Ref(QueueItemSchema)), nextCursor: Nullable(Type.String()) }, { $id: 'QueuePage' });
export type QueuePage = Static<typeof QueuePageSchema>;

export const SummaryQuerySchema = Type.Object({ unit: UnitCode5 });

/** GET /api/office/summary: today's counts (Vietnam day) for a unit's dashboard. */
export const UnitDaySummarySchema = Type.Object(
  {
    unitCode: Type.String(),
    day: Type.String({ description: 'YYYY-MM-DD' }),
    receivedToday: Type.Integer(),
    dueToday: Type.Integer(),
    late: Type.Integer(),
    returnedToday: Type.Integer(),
    inProgress: Type.Integer(),
    awaitingCheck: Type.Integer(),
    awaitingSupplement: Type.Integer(),
    /** Proposed decisions waiting for the unit's approver (pending_approval). */
    awaitingApproval: Type.Integer(),
  },
  { $id: 'UnitDaySummary' },
);
export type UnitDaySummary = Static<typeof UnitDaySummarySchema>;

export const LookupQuerySchema = Type.Object({
  code: Type.String({ minLength: 8, maxLength: 60 }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  // Room for separators: "0890 9500 1234" is read as 089095001234.
  idNumber: Type.Optional(Type.String({ maxLength: 20 })),
});

/** GET /api/lookup: the progress only, never personal data. */
export const LookupResultSchema = Type.Object(
  {
    code: Type.String(),
    state: Type.Ref(DossierStateSchema),
    stateLabel: Type.String(),
    procedureName: Type.String(),
    receivedAt: Nullable(Type.String()),
    dueAt: Nullable(Type.String()),
    /** "dự kiến": the expected date (not yet received), or one in a year not yet announced (core isProvisional). */
    dueAtProvisional: Type.Boolean(),
    timeliness: Type.Ref(TimelinessSchema),
  },
  { $id: 'LookupResult' },
);
export type LookupResult = Static<typeof LookupResultSchema>;

export const DOSSIER_SCHEMAS = [
  DossierStateSchema,
  ChannelSchema,
  DeliveryMethodSchema,
  TimelinessSchema,
  ActionTypeSchema,
  ApplicantSchema,
  AttachmentInputSchema,
  ConsentMethodSchema,
  SubmissionSchema,
  AttachmentSchema,
  ConsentSchema,
  FieldSpecSchema,
  AllowedActionSchema,
  HistoryItemSchema,
  DossierSchema,
  DossierListSchema,
  QueueItemSchema,
  QueuePageSchema,
  UnitDaySummarySchema,
  LookupResultSchema,
];
