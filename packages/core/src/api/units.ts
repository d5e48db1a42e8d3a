import { Type, type Static } from '@sinclair/typebox';
import { HamletCode, ItemsOf, Literals, Nullable } from './common.ts';

/** The administrative map's wire shapes (modules/units): units, their lineage, address resolution, hamlets. */

export const CurrentUnitTypeSchema = Literals(['province', 'city', 'commune', 'ward', 'special_zone'] as const, { $id: 'CurrentUnitType' });
export const HistoricUnitTypeSchema = Literals(
  ['province', 'city', 'district', 'urban_district', 'town', 'provincial_city', 'commune', 'ward', 'township'] as const,
  { $id: 'HistoricUnitType' },
);

const UnitFields = {
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Optional(Nullable(Type.String())),
  fullName: Type.String(),
  fullNameEn: Type.Optional(Nullable(Type.String())),
  type: Type.Ref(CurrentUnitTypeSchema),
  provinceCode: Type.Optional(Nullable(Type.String())),
};
/** A unit in force since 1 July 2025: a province or city (2 digits), a commune, ward or special zone (5 digits). */
export const UnitSchema = Type.Object(UnitFields, { $id: 'Unit', additionalProperties: true });
export type Unit = Static<typeof UnitSchema>;

export const UnitListSchema = ItemsOf(Type.Ref(UnitSchema), { $id: 'UnitList' });
export type UnitList = Static<typeof UnitListSchema>;

const HistoricUnitFields = {
  code: Type.String(),
  name: Type.String({ description: 'Tên không có chữ chỉ loại đơn vị: "Long Hòa" của "Xã Long Hòa"' }),
  fullName: Type.String(),
  type: Type.Ref(HistoricUnitTypeSchema),
  parentCode: Type.Optional(Type.String()),
  provinceCode: Type.String(),
};
/** A unit of the three-tier map before 1 July 2025: province (2 digits), district (3), commune (5). */
export const HistoricUnitSchema = Type.Object(HistoricUnitFields, { $id: 'HistoricUnit', additionalProperties: true });
export type HistoricUnit = Static<typeof HistoricUnitSchema>;

const HistoricPlaceFields = {
  ...HistoricUnitFields,
  district: Type.Optional(Type.Ref(HistoricUnitSchema)),
  province: Type.Optional(Type.Ref(HistoricUnitSchema)),
  path: Type.String({ description: '"Xã Long Hòa, Huyện Phú Tân, Tỉnh An Giang"' }),
  partial: Type.Optional(Type.Boolean({ description: 'Chỉ một phần của đơn vị cũ nhập vào đơn vị này — only part of it went in' })),
};
export const HistoricPlaceSchema = Type.Object(HistoricPlaceFields, { $id: 'HistoricPlace', additionalProperties: true });
export type HistoricPlace = Static<typeof HistoricPlaceSchema>;

/** GET /api/units/{code} for a current unit: the old units it was formed from. */
export const CurrentUnitDetailSchema = Type.Object(
  {
    ...UnitFields,
    current: Type.Literal(true),
    province: Nullable(Type.Ref(UnitSchema)),
    predecessors: Type.Array(Type.Ref(HistoricPlaceSchema)),
    unchanged: Type.Boolean(),
    successor: Type.Null(),
    formerUnitWithSameCode: Nullable(
      Type.Object({ ...HistoricPlaceFields, successors: Type.Array(Type.Ref(UnitSchema)) }, { additionalProperties: true }),
      // Old and current codes overlap: the pre-2025 unit that had this code, and where it went.
    ),
  },
  { $id: 'CurrentUnitDetail', additionalProperties: true },
);
export type CurrentUnitDetail = Static<typeof CurrentUnitDetailSchema>;

/** GET /api/units/{code} for a pre-2025 code: the current unit(s) it went into, main one first. */
export const FormerUnitDetailSchema = Type.Object(
  {
    ...HistoricPlaceFields,
    current: Type.Literal(false),
    predecessors: Type.Array(Type.Ref(HistoricPlaceSchema), { maxItems: 0 }),
    successor: Nullable(Type.Ref(UnitSchema)),
    successors: Type.Array(Type.Ref(UnitSchema)),
  },
  { $id: 'FormerUnitDetail', additionalProperties: true },
);
export type FormerUnitDetail = Static<typeof FormerUnitDetailSchema>;

export const UnitDetailSchema = Type.Union([Type.Ref(CurrentUnitDetailSchema), Type.Ref(FormerUnitDetailSchema)], { $id: 'UnitDetail' });
export type UnitDetail = Static<typeof UnitDetailSchema>;

export const ResolutionStatusSchema = Literals(['resolved', 'ambiguous', 'not_found'], {
  $id: 'ResolutionStatus',
  description: 'resolved: một xã nổi bật; ambiguous: nhiều xã gần bằng nhau (candidates); not_found — one stands out / near ties / none',
});

export const AddressResolutionSchema = Type.Object(
  {
    status: Type.Ref(ResolutionStatusSchema),
    unit: Nullable(Type.Ref(UnitSchema)),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    alternatives: Type.Array(Type.Object({ unit: Type.Ref(UnitSchema), confidence: Type.Number() })),
    candidates: Type.Optional(
      Type.Array(Type.Object({ unit: Type.Ref(UnitSchema), confidence: Type.Number(), matchedOld: Type.Optional(Type.Ref(HistoricUnitSchema)) }), {
        description: 'Khi ambiguous: các xã gần bằng nhau, tốt nhất trước — for ambiguous: the near-equal candidates, best first',
      }),
    ),
    matchedOld: Type.Optional(Type.Ref(HistoricUnitSchema, { description: 'Xã cũ (trước 2025) mà địa chỉ ghi theo — the pre-2025 commune the address named' })),
    oldStyle: Type.Optional(Type.Boolean({ description: 'Địa chỉ viết theo địa giới trước 1/7/2025 — the address was read as pre-2025' })),
  },
  { $id: 'AddressResolution' },
);
export type AddressResolution = Static<typeof AddressResolutionSchema>;

export const HAMLET_KINDS = ['thon', 'ap', 'ban', 'to_dan_pho', 'khom', 'buon', 'lang'] as const;
export const HamletKindSchema = Literals(HAMLET_KINDS, {
  $id: 'HamletKind',
  description: 'thôn, ấp, bản, tổ dân phố, khóm, buôn, làng',
});
export type HamletKind = Static<typeof HamletKindSchema>;

export const HamletSchema = Type.Object(
  {
    code: Type.String(),
    unitCode: Type.String(),
    name: Type.String(),
    kind: Type.Ref(HamletKindSchema),
    distanceKm: Nullable(Type.Number()),
    travelMinutes: Nullable(Type.Integer()),
    active: Type.Boolean(),
  },
  { $id: 'Hamlet' },
);
export type Hamlet = Static<typeof HamletSchema>;

export const HamletListSchema = ItemsOf(Type.Ref(HamletSchema), { $id: 'HamletList' });
export type HamletList = Static<typeof HamletListSchema>;

export const HamletInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    kind: Type.Ref(HamletKindSchema),
    distanceKm: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
    travelMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
  },
  { $id: 'HamletInput', additionalProperties: false },
);
export type HamletInput = Static<typeof HamletInputSchema>;

export const HamletPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    kind: Type.Optional(Type.Ref(HamletKindSchema)),
    distanceKm: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
    travelMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'HamletPatch', additionalProperties: false, minProperties: 1 },
);
export type HamletPatch = Static<typeof HamletPatchSchema>;

const AnyUnitCode = Type.String({ pattern: '^[0-9]{2,5}$', description: 'Mã đơn vị hành chính (2 chữ số tỉnh, 5 chữ số xã)' });
export const UnitCodeParams = Type.Object({ code: AnyUnitCode });
export const HamletParams = Type.Object({ code: AnyUnitCode, hamlet: HamletCode });
export const UnitQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200 }),
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type UnitQuery = Static<typeof UnitQuerySchema>;
export const ResolveQuerySchema = Type.Object({ address: Type.String({ minLength: 1, maxLength: 500 }) });

export const UNITS_SCHEMAS = [
  CurrentUnitTypeSchema,
  HistoricUnitTypeSchema,
  UnitSchema,
  UnitListSchema,
  HistoricUnitSchema,
  HistoricPlaceSchema,
  CurrentUnitDetailSchema,
  FormerUnitDetailSchema,
  UnitDetailSchema,
  ResolutionStatusSchema,
  AddressResolutionSchema,
  HamletKindSchema,
  HamletSchema,
  HamletListSchema,
  HamletInputSchema,
  HamletPatchSchema,
];
