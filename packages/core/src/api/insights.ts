import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './common.ts';

/** Insights' wire shapes: GET /api/insights/{code} (modules/insights). Aggregates only, no personal data. */

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const VnDay = Type.String({ format: 'date', description: 'YYYY-MM-DD (giờ Việt Nam)' });

const DossierFigureFields = {
  received: Type.Integer(),
  online: Type.Integer(),
  counter: Type.Integer(),
  outreach: Type.Integer(),
  postal: Type.Integer(),
  finished: Type.Integer(),
  finishedOnTime: Type.Integer(),
  lateNow: Type.Integer(),
  inProgress: Type.Integer(),
  apologies: Type.Integer(),
  onlineRate: Rate,
  onTimeRate: Rate,
};
/** Dossier counts for a period; rates 0–1, null when there is nothing to divide by. */
export const DossierFiguresSchema = Type.Object(DossierFigureFields, { $id: 'DossierFigures' });
export type DossierFigures = Static<typeof DossierFiguresSchema>;

export const OutreachFiguresSchema = Type.Object(
  {
    received: Type.Integer(),
    completedOnSpot: Type.Integer(),
    toReturn: Type.Integer(),
    peopleGuided: Type.Integer(),
    surveys: Type.Integer(),
    satisfied: Type.Integer(),
    averageRating: Nullable(Type.Number()),
    satisfactionRate: Rate,
  },
  { $id: 'OutreachFigures' },
);
export type OutreachFigures = Static<typeof OutreachFiguresSchema>;

export const CommuneFiguresSchema = Type.Object({ code: Type.String(), fullName: Type.String(), ...DossierFigureFields }, { $id: 'CommuneFigures' });
export type CommuneFigures = Static<typeof CommuneFiguresSchema>;

/** One Decision 766 sub-indicator: its parts, value 0–1 and points (null where not recorded or not confirmed). */
export const IndicatorSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    formula: Type.String(),
    numerator: Nullable(Type.Number()),
    denominator: Nullable(Type.Number()),
    value: Rate,
    score: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    note: Nullable(Type.String({ description: 'Vì sao chưa có số liệu hoặc điểm — why there is no figure or points' })),
    noteEn: Nullable(Type.String()),
  },
  { $id: 'Indicator' },
);
export const IndicatorGroupSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    score: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    indicators: Type.Array(Type.Ref(IndicatorSchema)),
  },
  { $id: 'IndicatorGroup' },
);

/** Rollup counts for a period (core/insights COUNTERS) plus dossiers carried over into it and open at its end. */
export const RollupCountsSchema = Type.Object(
  {
    received: Type.Integer(),
    digitised: Type.Integer(),
    early: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    closedWithoutResult: Type.Integer(),
    transferredIn: Type.Integer(),
    transferredOut: Type.Integer(),
    supplementRequests: Type.Integer(),
    apologies: Type.Integer(),
    returned: Type.Integer(),
    returnedElectronic: Type.Integer(),
    online: Type.Integer(),
    counter: Type.Integer(),
    outreach: Type.Integer(),
    postal: Type.Integer(),
    carriedOver: Type.Integer({ description: 'Hồ sơ kỳ trước chuyển sang — open at the start of the period' }),
    openAtEnd: Type.Integer(),
  },
  { $id: 'RollupCounts' },
);
export type RollupCounts = Static<typeof RollupCountsSchema>;

/** A line of a breakdown (a commune, a month, a hamlet): its score where it has one, and its counts. */
export const BreakdownRowSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    total: Nullable(Type.Number()),
    scoredMax: Nullable(Type.Number()),
    received: Type.Integer(),
    online: Type.Integer(),
    early: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    onTimeRate: Rate,
    onlineRate: Rate,
    /** The weakest scored indicator's key (for a ranking "weakest first"). */
    weakest: Nullable(Type.String()),
  },
  { $id: 'BreakdownRow' },
);
export type BreakdownRow = Static<typeof BreakdownRowSchema>;

export const ProcedureOutcomeSchema = Type.Object(
  { code: Type.String(), name: Type.String(), received: Type.Integer(), early: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), onTimeRate: Rate },
  { $id: 'ProcedureOutcome' },
);
export type ProcedureOutcome = Static<typeof ProcedureOutcomeSchema>;
export type IndicatorGroup = Static<typeof IndicatorGroupSchema>;
export type Indicator = Static<typeof IndicatorSchema>;

const Decision766Fields = {
  groups: Type.Array(Type.Ref(IndicatorGroupSchema)),
  total: Type.Number({ description: 'Điểm đạt trên các chỉ số có số liệu và điểm đã xác nhận' }),
  scoredMax: Type.Number({ description: 'Số điểm tối đa của các chỉ số đó' }),
  max: Type.Number({ description: 'Tổng điểm của Bộ chỉ số (100)' }),
  counts: Type.Ref(RollupCountsSchema),
  months: Type.Array(Type.Ref(BreakdownRowSchema), { description: 'Một dòng mỗi tháng của kỳ' }),
};

export const InsightsSchema = Type.Object(
  {
    ...Decision766Fields,
    procedures: Type.Array(Type.Ref(ProcedureOutcomeSchema)),
    breakdown: Type.Object(
      { by: Type.String(), rows: Type.Array(Type.Ref(BreakdownRowSchema)) },
      { description: 'Theo ?by=commune|hamlet|month; xếp hạng yếu nhất trước' },
    ),
    unit: Type.Object({ code: Type.String(), fullName: Type.String() }),
    period: Type.Object({ from: Type.String(), to: Type.String() }, { description: 'Ngày Việt Nam, tính cả hai đầu — Vietnam dates, both inclusive' }),
    dossiers: Type.Ref(DossierFiguresSchema),
    outreach: Type.Ref(OutreachFiguresSchema),
    communes: Type.Array(Type.Ref(CommuneFiguresSchema), { description: 'Một dòng cho mỗi xã có hồ sơ (khi xem tỉnh); rỗng khi xem xã' }),
  },
  { $id: 'Insights' },
);
export type Insights = Static<typeof InsightsSchema>;

/** The public transparency answer: the score, its groups and the monthly trend; counts only. */
export const PublicInsightsSchema = Type.Object(
  {
    unit: Type.Object({ code: Type.String(), fullName: Type.String() }),
    period: Type.Object({ from: Type.String(), to: Type.String() }),
    ...Decision766Fields,
    communes: Type.Array(Type.Ref(BreakdownRowSchema), { description: 'Các xã của tỉnh, yếu nhất trước; rỗng khi xem xã' }),
  },
  { $id: 'PublicInsights' },
);
export type PublicInsights = Static<typeof PublicInsightsSchema>;

export const InsightsParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' }) });
export const InsightsQuerySchema = Type.Object({
  from: Type.Optional(VnDay),
  to: Type.Optional(VnDay),
  by: Type.Optional(Type.Union([Type.Literal('hamlet'), Type.Literal('commune'), Type.Literal('month')])),
});
export type InsightsQuery = Static<typeof InsightsQuerySchema>;

export const INSIGHTS_SCHEMAS = [
  IndicatorSchema,
  IndicatorGroupSchema,
  RollupCountsSchema,
  BreakdownRowSchema,
  ProcedureOutcomeSchema,
  PublicInsightsSchema,
  DossierFiguresSchema,
  OutreachFiguresSchema,
  CommuneFiguresSchema,
  InsightsSchema,
];
