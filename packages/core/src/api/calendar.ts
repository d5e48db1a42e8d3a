import { Type, type Static } from '@sinclair/typebox';
import { Day, Instant, ItemsOf, Literals, Nullable } from './common.ts';

/**
 * The working calendar's wire shapes (modules/calendar): days off and make-up working days a
 * system administrator records from their announcing documents, per year.
 */

export const AnnouncementKindSchema = Literals(['day_off', 'make_up'] as const, {
  $id: 'AnnouncementKind',
  description: 'day_off: ngày nghỉ thêm; make_up: ngày làm bù (a weekend day worked)',
});
export type AnnouncementKind = Static<typeof AnnouncementKindSchema>;

const SourceFields = {
  number: Type.String({ minLength: 1, maxLength: 80, description: 'Số văn bản, e.g. "12729/VPCP-KGVX"' }),
  date: Day,
  issuer: Type.String({ minLength: 1, maxLength: 200, description: 'Cơ quan ban hành, e.g. "Văn phòng Chính phủ"' }),
};
export const AnnouncementSourceSchema = Type.Object(SourceFields, { $id: 'AnnouncementSource', additionalProperties: false });

export const HolidayAnnouncementBodySchema = Type.Object(
  {
    day: Day,
    kind: Type.Ref(AnnouncementKindSchema),
    source: Type.Ref(AnnouncementSourceSchema),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { $id: 'HolidayAnnouncementBody', additionalProperties: false },
);
export type HolidayAnnouncementBody = Static<typeof HolidayAnnouncementBodySchema>;

export const HolidayAnnouncementSchema = Type.Object(
  {
    id: Type.Integer(),
    day: Day,
    kind: Type.Ref(AnnouncementKindSchema),
    source: Type.Ref(AnnouncementSourceSchema),
    note: Nullable(Type.String()),
    recordedAt: Instant,
    recordedBy: Type.String(),
    withdrawnAt: Nullable(Instant),
    withdrawnBy: Nullable(Type.String()),
    withdrawReason: Nullable(Type.String()),
  },
  { $id: 'HolidayAnnouncement' },
);
export type HolidayAnnouncement = Static<typeof HolidayAnnouncementSchema>;

export const AnnouncementWithdrawBodySchema = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { $id: 'AnnouncementWithdrawBody', additionalProperties: false },
);
export type AnnouncementWithdrawBody = Static<typeof AnnouncementWithdrawBodySchema>;

export const CalendarYearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
export const AnnouncementIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** A year's schedule: the days the Labour Code gives, the announcements recorded, whether it is provisional. */
export const CalendarYearSchema = Type.Object(
  {
    year: Type.Integer(),
    provisional: Type.Boolean({ description: 'Chưa có thông báo lịch nghỉ của năm: hạn trong năm là dự kiến' }),
    holidays: Type.Array(Type.Object({ date: Day, nameVi: Type.String(), nameEn: Type.String(), kind: Literals(['holiday', 'compensatory'] as const) })),
    builtIn: Type.Object(
      { extraDaysOff: Type.Array(Day), makeUpWorkingDays: Type.Array(Day) },
      {
        description: 'Days shipped with Motcua for announced years (core calendar/adjustments.ts)',
      },
    ),
    announcements: Type.Array(Type.Ref(HolidayAnnouncementSchema)),
  },
  { $id: 'CalendarYear' },
);
export type CalendarYear = Static<typeof CalendarYearSchema>;

export const AnnouncementListSchema = ItemsOf(Type.Ref(HolidayAnnouncementSchema), { $id: 'HolidayAnnouncementList' });

/** A unit's agency identifier (QCVN 102:2016/BTTTT form), the first part of its dossier codes. */
export const AgencyCodeBodySchema = Type.Object(
  { agencyCode: Type.String({ minLength: 1, maxLength: 40, description: 'V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. "000.12.26.H26"' }) },
  { $id: 'AgencyCodeBody', additionalProperties: false },
);
export type AgencyCodeBody = Static<typeof AgencyCodeBodySchema>;

export const UnitAgencyCodeSchema = Type.Object(
  {
    unitCode: Type.String(),
    unitName: Type.String(),
    agencyCode: Nullable(Type.String()),
    derived: Type.Boolean({ description: 'true: no identifier recorded, the default derivation applies' }),
  },
  { $id: 'UnitAgencyCode' },
);
export type UnitAgencyCode = Static<typeof UnitAgencyCodeSchema>;

export const CALENDAR_SCHEMAS = [
  AnnouncementKindSchema,
  AnnouncementSourceSchema,
  HolidayAnnouncementBodySchema,
  HolidayAnnouncementSchema,
  AnnouncementWithdrawBodySchema,
  CalendarYearSchema,
  AnnouncementListSchema,
  AgencyCodeBodySchema,
  UnitAgencyCodeSchema,
];
