import { type Static, Type } from '@sinclair/typebox';
import { RATING_CHANNELS, RATING_CRITERIA } from '../voice/ratings.ts';
import { Instant, Literals, Nullable, UnitCode, UnitOrProvinceCode } from './common.ts';

/** The criteria of a dossier rating (core/voice): one list for the server, the portal and the reports. */
export const RatingCriterionSchema = Literals(RATING_CRITERIA, { $id: 'RatingCriterion' });
export const RatingChannelSchema = Literals(RATING_CHANNELS, { $id: 'RatingChannel' });

const Level = Type.Integer({ minimum: 1, maximum: 5 });

/** `POST /api/dossiers/{code}/rating`: by the applicant's session, or with the token of a notice or kiosk link. */
export const RatingBodySchema = Type.Object(
  {
    scores: Type.Object(
      {
        attitude: Type.Optional(Level),
        timeliness: Type.Optional(Level),
        visits: Type.Optional(Level),
        guidance: Type.Optional(Level),
        online: Type.Optional(Level),
        overall: Level,
      },
      { additionalProperties: false, description: 'Điểm 1–5 theo từng tiêu chí; "overall" bắt buộc — 1–5 per criterion, overall required' },
    ),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    /** The token of a result notice's link or a desk kiosk link; without it, the applicant's session. */
    token: Type.Optional(Type.String({ minLength: 20, maxLength: 100 })),
  },
  { $id: 'RatingBody', additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBodySchema>;

export const RatingReceiptSchema = Type.Object(
  { dossierCode: Type.String(), ratedAt: Instant, channel: Type.Ref(RatingChannelSchema) },
  { $id: 'RatingReceipt', additionalProperties: false },
);
export type RatingReceipt = Static<typeof RatingReceiptSchema>;

/** What the page behind a link shows before rating: the dossier's code and procedure, nothing personal. */
export const RatingLinkInfoSchema = Type.Object(
  {
    dossierCode: Type.String(),
    procedureName: Type.String(),
    channel: Type.Ref(RatingChannelSchema),
    expiresAt: Instant,
    /** Whether the dossier was submitted online (the "online service" criterion then applies). */
    online: Type.Boolean(),
  },
  { $id: 'RatingLinkInfo', additionalProperties: false },
);
export type RatingLinkInfo = Static<typeof RatingLinkInfoSchema>;

/** A link an official opens on the desk's tablet (kiosk) for the person in front of them. */
export const KioskLinkSchema = Type.Object({ path: Type.String(), expiresAt: Instant }, { $id: 'KioskLink', additionalProperties: false });
export type KioskLink = Static<typeof KioskLinkSchema>;

/** The citizen's own dossiers already rated (so "Hồ sơ của tôi" offers "Đánh giá" only once). */
export const MyRatingsSchema = Type.Object(
  { items: Type.Array(Type.Object({ dossierCode: Type.String(), ratedAt: Instant }, { additionalProperties: false })) },
  { $id: 'MyRatings', additionalProperties: false },
);
export type MyRatings = Static<typeof MyRatingsSchema>;

/** One criterion's counts at levels 1..5 (index 0 = level 1, "rất không hài lòng"). */
export const CriterionTallySchema = Type.Object(
  {
    criterion: Type.Ref(RatingCriterionSchema),
    counts: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 5, maxItems: 5 }),
    total: Type.Integer({ minimum: 0 }),
  },
  { $id: 'CriterionTally', additionalProperties: false },
);
export type CriterionTallyJson = Static<typeof CriterionTallySchema>;

/**
 * Satisfaction figures (Decision 766's satisfaction group) for a commune, optionally one month
 * and one official: counts only — never a dossier, a name or a date finer than the month.
 */
export const RatingFiguresSchema = Type.Object(
  {
    unitCode: UnitOrProvinceCode,
    month: Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' })),
    officialUserId: Nullable(Type.String()),
    ratings: Type.Integer({ minimum: 0 }),
    low: Type.Integer({ minimum: 0 }),
    criteria: Type.Array(Type.Ref(CriterionTallySchema)),
  },
  { $id: 'RatingFigures', additionalProperties: false },
);
export type RatingFigures = Static<typeof RatingFiguresSchema>;

/** An official's own ratings: the tallies and the comments, without dossiers or dates. */
export const MyOfficialRatingsSchema = Type.Object(
  {
    ratings: Type.Integer({ minimum: 0 }),
    criteria: Type.Array(Type.Ref(CriterionTallySchema)),
    comments: Type.Array(Type.String()),
  },
  { $id: 'MyOfficialRatings', additionalProperties: false },
);
export type MyOfficialRatings = Static<typeof MyOfficialRatingsSchema>;

/** A low rating the commune's leaders follow up: with the dossier, as the issue asks, never the person. */
export const LowRatingAlertSchema = Type.Object(
  {
    dossierCode: Type.String(),
    procedureName: Type.String(),
    ratedAt: Instant,
    scores: Type.Record(Type.String(), Type.Integer()),
    comment: Nullable(Type.String()),
  },
  { $id: 'LowRatingAlert', additionalProperties: false },
);
export const LowRatingAlertsSchema = Type.Object(
  { items: Type.Array(Type.Ref(LowRatingAlertSchema)) },
  { $id: 'LowRatingAlerts', additionalProperties: false },
);
export type LowRatingAlert = Static<typeof LowRatingAlertSchema>;

export const RatingTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });
export const RatingFiguresQuery = Type.Object(
  {
    unit: UnitOrProvinceCode,
    month: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' })),
    official: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const RatingUnitQuery = Type.Object({ unit: UnitCode }, { additionalProperties: false });

export const RATING_SCHEMAS = [
  RatingCriterionSchema,
  RatingChannelSchema,
  RatingBodySchema,
  RatingReceiptSchema,
  RatingLinkInfoSchema,
  KioskLinkSchema,
  MyRatingsSchema,
  CriterionTallySchema,
  RatingFiguresSchema,
  MyOfficialRatingsSchema,
  LowRatingAlertSchema,
  LowRatingAlertsSchema,
];
