import { type Static, Type } from '@sinclair/typebox';
import { FEEDBACK_TOPICS } from '../voice/feedback.ts';
import { Instant, Literals, Nullable, UnitCode } from './common.ts';

export const FeedbackTopicSchema = Literals(FEEDBACK_TOPICS, { $id: 'FeedbackTopic' });
const Phone = Type.String({ pattern: '^0[0-9]{9}$', description: 'Số điện thoại di động 10 chữ số' });
const FeedbackCode = Type.String({ pattern: '^PA-[0-9]{5}-[0-9]{6}-[0-9A-Z]{4}$' });

/** `POST /api/feedback`: a citizen logged in, a person with a phone confirmed by an SMS code, or an official at the desk. */
export const FeedbackBodySchema = Type.Object(
  {
    unitCode: UnitCode,
    topic: Type.Ref(FeedbackTopicSchema),
    dossierCode: Type.Optional(Type.String({ maxLength: 40 })),
    text: Type.String({ minLength: 10, maxLength: 4000 }),
    phone: Phone,
    /** Given at the desk or with a phone code; a logged-in citizen's name comes from their session. */
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    /** Without logging in: the code sent by SMS to `phone` (POST /api/feedback/phone-code). */
    phoneCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    /** Whether the answer may appear, without personal data, on the commune's public page. */
    publishConsent: Type.Boolean(),
  },
  { $id: 'FeedbackBody', additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBodySchema>;

/** `POST /api/feedback/phone-code`: send a six-digit code by SMS to confirm the number. */
export const PhoneCodeBodySchema = Type.Object({ phone: Phone }, { $id: 'PhoneCodeBody', additionalProperties: false });
export type PhoneCodeBody = Static<typeof PhoneCodeBodySchema>;
export const PhoneCodeSentSchema = Type.Object({ expiresAt: Instant }, { $id: 'PhoneCodeSent', additionalProperties: false });
export type PhoneCodeSent = Static<typeof PhoneCodeSentSchema>;

export const FeedbackReceiptSchema = Type.Object({ code: FeedbackCode, dueAt: Instant }, { $id: 'FeedbackReceipt', additionalProperties: false });
export type FeedbackReceipt = Static<typeof FeedbackReceiptSchema>;

export const FeedbackStageSchema = Literals(['answered', 'on_time', 'due_soon', 'late'] as const, { $id: 'FeedbackStage' });

/** What the person sees by code + phone: their own item and its answer. */
export const FeedbackStatusSchema = Type.Object(
  {
    code: Type.String(),
    topic: Type.Ref(FeedbackTopicSchema),
    text: Type.String(),
    submittedAt: Instant,
    dueAt: Instant,
    stage: Type.Ref(FeedbackStageSchema),
    answer: Nullable(Type.String()),
    answeredAt: Nullable(Instant),
    answerRating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { $id: 'FeedbackStatus', additionalProperties: false },
);
export type FeedbackStatus = Static<typeof FeedbackStatusSchema>;

export const FeedbackLookupQuery = Type.Object(
  { code: Type.String({ maxLength: 40 }), phone: Type.String({ maxLength: 20 }) },
  { additionalProperties: false },
);

/** One item of the office queue (the unit's own officials): with the person's contact. */
export const FeedbackItemSchema = Type.Object(
  {
    code: Type.String(),
    topic: Type.Ref(FeedbackTopicSchema),
    dossierCode: Nullable(Type.String()),
    text: Type.String(),
    fullName: Type.String(),
    phone: Type.String(),
    channel: Type.String(),
    submittedAt: Instant,
    dueAt: Instant,
    stage: Type.Ref(FeedbackStageSchema),
    answer: Nullable(Type.String()),
    escalated: Type.Boolean(),
    publishConsent: Type.Boolean(),
  },
  { $id: 'FeedbackItem', additionalProperties: false },
);
export type FeedbackItem = Static<typeof FeedbackItemSchema>;
export const FeedbackQueueSchema = Type.Object({ items: Type.Array(Type.Ref(FeedbackItemSchema)) }, { $id: 'FeedbackQueue', additionalProperties: false });
export type FeedbackQueue = Static<typeof FeedbackQueueSchema>;
export const FeedbackUnitQuery = Type.Object({ unit: UnitCode }, { additionalProperties: false });
export const FeedbackCodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

export const FeedbackAnswerBodySchema = Type.Object(
  { answer: Type.String({ minLength: 10, maxLength: 8000 }) },
  { $id: 'FeedbackAnswerBody', additionalProperties: false },
);
export type FeedbackAnswerBody = Static<typeof FeedbackAnswerBodySchema>;

export const FeedbackRatingBodySchema = Type.Object(
  { phone: Type.String({ maxLength: 20 }), level: Type.Integer({ minimum: 1, maximum: 5 }) },
  { $id: 'FeedbackRatingBody', additionalProperties: false },
);
export type FeedbackRatingBody = Static<typeof FeedbackRatingBodySchema>;

/** A published answer: the topic, the question with digits masked, the answer; no name, phone or code. */
export const PublishedAnswerSchema = Type.Object(
  { topic: Type.Ref(FeedbackTopicSchema), question: Type.String(), answer: Type.String(), month: Type.String() },
  { $id: 'PublishedAnswer', additionalProperties: false },
);
export const PublishedAnswersSchema = Type.Object(
  { items: Type.Array(Type.Ref(PublishedAnswerSchema)) },
  { $id: 'PublishedAnswers', additionalProperties: false },
);
export type PublishedAnswer = Static<typeof PublishedAnswerSchema>;

export const FEEDBACK_SCHEMAS = [
  FeedbackTopicSchema,
  FeedbackBodySchema,
  PhoneCodeBodySchema,
  PhoneCodeSentSchema,
  FeedbackReceiptSchema,
  FeedbackStageSchema,
  FeedbackStatusSchema,
  FeedbackItemSchema,
  FeedbackQueueSchema,
  FeedbackAnswerBodySchema,
  FeedbackRatingBodySchema,
  PublishedAnswerSchema,
  PublishedAnswersSchema,
];
