import { type Static, Type } from '@sinclair/typebox';
import { Instant, Literals, Nullable } from './common.ts';

/** The channel of a citizen's phone notices; e-mail is sent whenever they gave an address. */
export const PHONE_CHANNELS = ['sms', 'zalo'] as const;
export const PhoneChannelSchema = Literals(PHONE_CHANNELS, { $id: 'PhoneChannel' });

/** `GET/PUT /api/me/notification-preference` ("Hồ sơ của tôi"). */
export const NotificationPreferenceSchema = Type.Object(
  {
    phone: Type.String(),
    channel: Type.Ref(PhoneChannelSchema),
    /** The words agreed to, as recorded with the choice. */
    consentText: Type.String(),
    consentedAt: Instant,
  },
  { $id: 'NotificationPreference', additionalProperties: false },
);
export type NotificationPreference = Static<typeof NotificationPreferenceSchema>;

export const NotificationPreferenceStateSchema = Type.Object(
  { preference: Nullable(Type.Ref(NotificationPreferenceSchema)), zaloConsentText: Type.String() },
  { $id: 'NotificationPreferenceState', additionalProperties: false },
);
export type NotificationPreferenceState = Static<typeof NotificationPreferenceStateSchema>;

export const NotificationPreferenceBodySchema = Type.Object(
  {
    channel: Type.Ref(PhoneChannelSchema),
    phone: Type.String({ minLength: 9, maxLength: 16, pattern: '^[+0-9 .-]+$' }),
    /** Zalo needs the citizen's explicit consent (Decree 13/2023, art. 11). */
    consent: Type.Boolean(),
  },
  { $id: 'NotificationPreferenceBody', additionalProperties: false },
);
export type NotificationPreferenceBody = Static<typeof NotificationPreferenceBodySchema>;

export const NOTICE_DELIVERY_STATUSES = ['pending', 'accepted', 'delivered', 'failed', 'refused', 'parked'] as const;
export type NoticeDeliveryStatus = (typeof NOTICE_DELIVERY_STATUSES)[number];

/** One notice of a dossier on one channel, for the desk: undelivered ones must be visible. */
export const NoticeDeliverySchema = Type.Object(
  {
    outboxId: Type.Integer(),
    action: Type.String(),
    createdAt: Instant,
    channel: Type.String({ description: 'email, sms, zalo; "outbox" while no channel has taken it' }),
    recipient: Type.String(),
    status: Literals(NOTICE_DELIVERY_STATUSES),
    detail: Nullable(Type.String()),
    updatedAt: Nullable(Instant),
  },
  { $id: 'NoticeDelivery', additionalProperties: false },
);
export type NoticeDelivery = Static<typeof NoticeDeliverySchema>;

export const NoticeDeliveryListSchema = Type.Object(
  { items: Type.Array(Type.Ref(NoticeDeliverySchema)) },
  { $id: 'NoticeDeliveryList', additionalProperties: false },
);
export type NoticeDeliveryList = Static<typeof NoticeDeliveryListSchema>;

/** What a delivery callback answers: whether it matched a message we sent. */
export const DeliveryReportAckSchema = Type.Object({ matched: Type.Boolean() }, { $id: 'DeliveryReportAck', additionalProperties: false });
export type DeliveryReportAck = Static<typeof DeliveryReportAckSchema>;

export const NOTIFICATION_SCHEMAS = [
  PhoneChannelSchema,
  NotificationPreferenceSchema,
  NotificationPreferenceStateSchema,
  NotificationPreferenceBodySchema,
  NoticeDeliverySchema,
  NoticeDeliveryListSchema,
  DeliveryReportAckSchema,
];
