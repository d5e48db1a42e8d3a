import { Type, type Static } from '@sinclair/typebox';
import { ItemsOf, Literals, Nullable } from './common.ts';
import { DossierStateSchema, SubmissionSchema } from './dossiers.ts';

/** Linked procedure groups (Decree 63/2024/NĐ-CP): GET /api/procedure-groups, /api/dossier-groups (modules/dossier-groups). */

export const GroupAgencySchema = Literals(['commune_civil_status', 'commune_police', 'social_insurance', 'commune_social_affairs'] as const, {
  $id: 'GroupAgency',
});

export const ProcedureGroupSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    leadProcedureCode: Type.String(),
    members: Type.Array(
      Type.Object({
        key: Type.String(),
        procedureCode: Type.String(),
        name: Type.String(),
        nameEn: Type.String(),
        agency: Type.Ref(GroupAgencySchema),
        agencyName: Type.String(),
        agencyNameEn: Type.String(),
        handledBy: Literals(['motcua', 'partner'] as const),
        dependsOn: Type.Array(Type.String()),
        requestedBy: Nullable(Type.String()),
      }),
    ),
    combinedForm: Nullable(Type.String()),
    documents: Type.Array(Type.Object({ name: Type.String(), nameEn: Type.String(), required: Type.Boolean(), when: Type.Optional(Type.String()) })),
    legalWorkingDays: Nullable(Type.Number()),
    legalBasis: Type.Array(Type.String()),
  },
  { $id: 'ProcedureGroup' },
);
export type ProcedureGroupJson = Static<typeof ProcedureGroupSchema>;
export const ProcedureGroupListSchema = ItemsOf(Type.Ref(ProcedureGroupSchema), { $id: 'ProcedureGroupList' });

/**
 * POST /api/dossier-groups: one application for the whole group, the lead procedure's form — a
 * dossier submission (SubmissionSchema) naming the group instead of a procedure; the group's
 * members take their processing time from the catalog, so the desk's `processingDays` has no place.
 */
export const GroupSubmissionSchema = Type.Composite(
  [Type.Object({ groupCode: Type.String({ minLength: 2, maxLength: 40 }) }), Type.Omit(SubmissionSchema, ['procedureCode', 'processingDays'])],
  { $id: 'GroupSubmission', additionalProperties: false },
);
export type GroupSubmission = Static<typeof GroupSubmissionSchema>;

/** A partner member's own states; a member handled in Motcua has its dossier's state. */
export const PARTNER_MEMBER_STATES = ['waiting', 'sent', 'done', 'refused'] as const;
export type PartnerMemberState = (typeof PARTNER_MEMBER_STATES)[number];

export const GroupMemberSchema = Type.Object(
  {
    code: Type.String(),
    key: Type.String(),
    procedureCode: Type.String(),
    name: Type.String(),
    agency: Type.Ref(GroupAgencySchema),
    handledBy: Literals(['motcua', 'partner'] as const),
    state: Type.Union([Type.Ref(DossierStateSchema), Literals(PARTNER_MEMBER_STATES)]),
    dependsOn: Type.Array(Type.String()),
    /** Null while the member waits on another member, or when no legal time is confirmed. */
    dueAt: Nullable(Type.String()),
  },
  { $id: 'GroupMember' },
);
export type GroupMember = Static<typeof GroupMemberSchema>;

export const DossierGroupSchema = Type.Object(
  {
    code: Type.String(),
    groupCode: Type.String(),
    groupName: Type.String(),
    unitCode: Type.String(),
    state: Literals(['in_progress', 'finished'] as const),
    submittedAt: Type.String(),
    members: Type.Array(Type.Ref(GroupMemberSchema)),
    /** The group's one timeline: every member's events, oldest first. */
    timeline: Type.Array(
      Type.Object({ at: Type.String(), memberKey: Type.String(), memberCode: Type.String(), action: Type.String(), note: Nullable(Type.String()) }),
    ),
  },
  { $id: 'DossierGroup' },
);
export type DossierGroup = Static<typeof DossierGroupSchema>;

export const DossierGroupCodeParams = Type.Object({ code: Type.String({ minLength: 8, maxLength: 80, pattern: '^LT-[A-Za-z0-9._-]+-[0-9]{6}-[0-9]{4,}$' }) });

export const GROUP_SCHEMAS = [GroupAgencySchema, ProcedureGroupSchema, ProcedureGroupListSchema, GroupSubmissionSchema, GroupMemberSchema, DossierGroupSchema];
