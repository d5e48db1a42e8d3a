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

export const InsightsSchema = Type.Object(
  {
    unit: Type.Object({ code: Type.String(), fullName: Type.String() }),
    period: Type.Object({ from: Type.String(), to: Type.String() }, { description: 'Ngày Việt Nam, tính cả hai đầu — Vietnam dates, both inclusive' }),
    dossiers: Type.Ref(DossierFiguresSchema),
    outreach: Type.Ref(OutreachFiguresSchema),
    communes: Type.Array(Type.Ref(CommuneFiguresSchema), { description: 'Một dòng cho mỗi xã có hồ sơ (khi xem tỉnh); rỗng khi xem xã' }),
  },
  { $id: 'Insights' },
);
export type Insights = Static<typeof InsightsSchema>;

export const InsightsParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' }) });
export const InsightsQuerySchema = Type.Object({ from: Type.Optional(VnDay), to: Type.Optional(VnDay) });
export type InsightsQuery = Static<typeof InsightsQuerySchema>;

export const INSIGHTS_SCHEMAS = [DossierFiguresSchema, OutreachFiguresSchema, CommuneFiguresSchema, InsightsSchema];
