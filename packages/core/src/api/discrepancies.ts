import { type Static, Type } from '@sinclair/typebox';
import { DISCREPANCY_TYPES } from '../discrepancies/types.ts';
import { HamletCode, Instant, ItemsOf, Literals, Nullable, UnitCode } from './common.ts';

/*
 * Civil-status records against population data (issue #14): imports of the two extracts, the
 * discrepancies found per hamlet with both records side by side, their status, and the one step
 * that carries a discrepancy to its fix (a correction dossier, or an outreach visit).
 */

export const ExtractKindSchema = Literals(['civil_status', 'population'] as const, {
  $id: 'ExtractKind',
  description: 'civil_status = sổ hộ tịch · population = dữ liệu dân cư',
});
export const DiscrepancyTypeSchema = Literals(DISCREPANCY_TYPES, { $id: 'DiscrepancyType' });
export const DiscrepancyStatusSchema = Literals(['open', 'contacted', 'dossier_filed', 'fixed', 'not_a_discrepancy'] as const, {
  $id: 'DiscrepancyStatus',
  description: 'open = mới · contacted = đã liên hệ · dossier_filed = đã lập hồ sơ · fixed = đã sửa · not_a_discrepancy = không phải sai lệch',
});
export type DiscrepancyStatus = Static<typeof DiscrepancyStatusSchema>;

export const ImportRowProblemSchema = Type.Object({ row: Type.Integer(), reason: Type.String() }, { $id: 'ImportRowProblem' });

export const DiscrepancyImportSchema = Type.Object(
  {
    id: Type.String(),
    unitCode: Type.String(),
    kind: Type.Ref(ExtractKindSchema),
    filename: Type.String(),
    state: Literals(['running', 'done', 'failed'] as const),
    rowsRead: Type.Integer(),
    rowsStored: Type.Integer(),
    rowsBad: Type.Integer(),
    /** The first bad rows (row number in the file, header = 1) with the reason. */
    problems: Type.Array(Type.Ref(ImportRowProblemSchema)),
    /** Why the whole file was refused (headers missing, not CSV/Excel). */
    failure: Nullable(Type.String()),
    discrepancies: Nullable(Type.Integer()),
    startedAt: Instant,
    finishedAt: Nullable(Instant),
  },
  { $id: 'DiscrepancyImport' },
);
export type DiscrepancyImport = Static<typeof DiscrepancyImportSchema>;
export const DiscrepancyImportListSchema = ItemsOf(Type.Ref(DiscrepancyImportSchema), { $id: 'DiscrepancyImportList' });
export type DiscrepancyImportList = Static<typeof DiscrepancyImportListSchema>;

export const ImportQuerySchema = Type.Object({ unit: UnitCode });
export const ImportParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** One side's record as the screen shows it (text values as read, dates dd/mm/yyyy or a year). */
export const ExtractRecordSchema = Type.Object(
  {
    key: Type.String(),
    row: Type.Integer(),
    event: Nullable(Type.String()),
    registrationNo: Nullable(Type.String()),
    idNumber: Nullable(Type.String()),
    fullName: Type.String(),
    birthDate: Type.String(),
    sex: Type.String(),
    ethnicity: Type.String(),
    nationality: Type.String(),
    birthPlace: Type.String(),
    fatherName: Type.String(),
    motherName: Type.String(),
    address: Type.String(),
    alive: Nullable(Type.Boolean()),
    deathDate: Nullable(Type.String()),
  },
  { $id: 'ExtractRecord' },
);
export type ExtractRecord = Static<typeof ExtractRecordSchema>;

export const DiscrepancySchema = Type.Object(
  {
    id: Type.String(),
    unitCode: Type.String(),
    hamletCode: Nullable(Type.String()),
    hamletName: Nullable(Type.String()),
    type: Type.Ref(DiscrepancyTypeSchema),
    status: Type.Ref(DiscrepancyStatusSchema),
    civil: Nullable(Type.Ref(ExtractRecordSchema)),
    population: Nullable(Type.Ref(ExtractRecordSchema)),
    other: Nullable(Type.Ref(ExtractRecordSchema)),
    /** The differing fields: [civil-status value, population value]. */
    fields: Type.Record(Type.String(), Type.Tuple([Type.String(), Type.String()])),
    score: Nullable(Type.Number()),
    reasons: Type.Array(Type.String()),
    needsPerson: Type.Boolean(),
    likelyRight: Nullable(Literals(['civil_status', 'population'] as const)),
    why: Type.String(),
    whyEn: Type.String(),
    fix: Type.Object({
      route: Literals(['civil_status_dossier', 'population_update'] as const),
      procedureCode: Nullable(Type.String()),
      requestKind: Nullable(Type.String()),
    }),
    dossierCode: Nullable(Type.String()),
    outreachSessionId: Nullable(Type.String()),
    note: Nullable(Type.String()),
    updatedAt: Instant,
  },
  { $id: 'Discrepancy' },
);
export type DiscrepancyJson = Static<typeof DiscrepancySchema>;

export const HamletProgressSchema = Type.Object(
  {
    hamletCode: Nullable(Type.String()),
    hamletName: Nullable(Type.String()),
    total: Type.Integer(),
    open: Type.Integer(),
    contacted: Type.Integer(),
    dossierFiled: Type.Integer(),
    fixed: Type.Integer(),
    notADiscrepancy: Type.Integer(),
  },
  { $id: 'HamletProgress' },
);
export type HamletProgress = Static<typeof HamletProgressSchema>;

export const DiscrepancyPageSchema = Type.Object(
  {
    unitCode: Type.String(),
    items: Type.Array(Type.Ref(DiscrepancySchema)),
    total: Type.Integer(),
    progress: Type.Array(Type.Ref(HamletProgressSchema)),
  },
  { $id: 'DiscrepancyPage' },
);
export type DiscrepancyPage = Static<typeof DiscrepancyPageSchema>;

export const DiscrepancyQuerySchema = Type.Object({
  unit: UnitCode,
  hamlet: Type.Optional(Type.Union([HamletCode, Type.Literal('none')])),
  type: Type.Optional(Type.Ref(DiscrepancyTypeSchema)),
  status: Type.Optional(Type.Ref(DiscrepancyStatusSchema)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
export type DiscrepancyQuery = Static<typeof DiscrepancyQuerySchema>;

export const DiscrepancyParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const DiscrepancyStatusInputSchema = Type.Object(
  { status: Type.Ref(DiscrepancyStatusSchema), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
  { $id: 'DiscrepancyStatusInput', additionalProperties: false },
);
export type DiscrepancyStatusInput = Static<typeof DiscrepancyStatusInputSchema>;

/** The desk opens the correction dossier for the person; contact details come from the person at the desk. */
export const DiscrepancyDossierInputSchema = Type.Object(
  {
    phone: Type.String({ pattern: '^(\\+84|0)[0-9]{9,10}$' }),
    consentNote: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { $id: 'DiscrepancyDossierInput', additionalProperties: false },
);
export type DiscrepancyDossierInput = Static<typeof DiscrepancyDossierInputSchema>;

export const DiscrepancyVisitInputSchema = Type.Object(
  { sessionId: Type.String({ minLength: 1, maxLength: 64 }) },
  { $id: 'DiscrepancyVisitInput', additionalProperties: false },
);
export type DiscrepancyVisitInput = Static<typeof DiscrepancyVisitInputSchema>;

export const DiscrepancyFixResultSchema = Type.Object(
  { discrepancy: Type.Ref(DiscrepancySchema), dossierCode: Nullable(Type.String()), assistanceId: Nullable(Type.String()) },
  { $id: 'DiscrepancyFixResult' },
);
export type DiscrepancyFixResult = Static<typeof DiscrepancyFixResultSchema>;

export const DISCREPANCY_SCHEMAS = [
  ExtractKindSchema,
  DiscrepancyTypeSchema,
  DiscrepancyStatusSchema,
  ImportRowProblemSchema,
  DiscrepancyImportSchema,
  DiscrepancyImportListSchema,
  ExtractRecordSchema,
  DiscrepancySchema,
  HamletProgressSchema,
  DiscrepancyPageSchema,
  DiscrepancyStatusInputSchema,
  DiscrepancyDossierInputSchema,
  DiscrepancyVisitInputSchema,
  DiscrepancyFixResultSchema,
];
