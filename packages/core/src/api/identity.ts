import { Type, type Static } from '@sinclair/typebox';
import { ItemsOf, Literals, Nullable } from './common.ts';

/** The identity module's wire shapes: /api/me, officials, colleagues and API tokens (modules/identity). */

/** An official's roles, the one list (platform access rules, the token CLI and the web all take it from here). */
export const OFFICIAL_ROLES = ['receptionist', 'specialist', 'approver', 'outreach', 'commune_admin', 'province_viewer', 'system_admin'] as const;
export const RoleSchema = Literals(OFFICIAL_ROLES, { $id: 'Role' });
export type Role = Static<typeof RoleSchema>;

export const CitizenMeSchema = Type.Object(
  {
    kind: Type.Literal('citizen'),
    subject: Type.String(),
    idNumber: Type.String({ description: 'Số CCCD (12 chữ số) — citizen identity card number' }),
    fullName: Type.String(),
    birthdate: Nullable(Type.String()),
    gender: Nullable(Type.String()),
    phoneNumber: Nullable(Type.String()),
    // The identity provider's OIDC `address` claim, as it sent it.
    address: Nullable(
      Type.Object(
        {
          formatted: Type.Optional(Type.String()),
          street_address: Type.Optional(Type.String()),
          locality: Type.Optional(Type.String()),
          region: Type.Optional(Type.String()),
        },
        { additionalProperties: true },
      ),
    ),
    communeCode: Nullable(Type.String()),
  },
  { $id: 'CitizenMe' },
);

export const OfficialMeSchema = Type.Object(
  {
    kind: Type.Literal('official'),
    userId: Type.String(),
    username: Nullable(Type.String()),
    fullName: Type.String(),
    roles: Type.Array(Type.Ref(RoleSchema)),
    unitCodes: Type.Array(Type.String()),
    via: Literals(['session', 'token'] as const),
  },
  { $id: 'OfficialMe' },
);

/** GET /api/me: the signed-in citizen or official. */
export const MeSchema = Type.Union([Type.Ref(CitizenMeSchema), Type.Ref(OfficialMeSchema)], { $id: 'Me' });
export type Me = Static<typeof MeSchema>;

export const OfficialSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    subject: Nullable(Type.String()),
    fullName: Type.String(),
    roles: Type.Array(Type.Ref(RoleSchema)),
    unitCodes: Type.Array(Type.String()),
    email: Nullable(Type.String()),
    active: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Official' },
);
export type Official = Static<typeof OfficialSchema>;
export const OfficialListSchema = ItemsOf(Type.Ref(OfficialSchema), { $id: 'OfficialList' });
export type OfficialList = Static<typeof OfficialListSchema>;

/** An official of the same unit, as /api/office/colleagues lists them (no username, no contact). */
export const ColleagueSchema = Type.Object({ id: Type.String(), fullName: Type.String(), roles: Type.Array(Type.Ref(RoleSchema)) }, { $id: 'Colleague' });
export type Colleague = Static<typeof ColleagueSchema>;
export const ColleagueListSchema = ItemsOf(Type.Ref(ColleagueSchema), { $id: 'ColleagueList' });
export type ColleagueList = Static<typeof ColleagueListSchema>;

export const ApiTokenSchema = Type.Object(
  {
    id: Type.String(),
    label: Type.String(),
    role: Type.Ref(RoleSchema),
    unitCode: Type.String(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    expiresAt: Nullable(Type.String()),
    revokedAt: Nullable(Type.String()),
    lastUsedAt: Nullable(Type.String()),
  },
  { $id: 'ApiToken' },
);
export type ApiToken = Static<typeof ApiTokenSchema>;
export const ApiTokenListSchema = ItemsOf(Type.Ref(ApiTokenSchema), { $id: 'ApiTokenList' });
export type ApiTokenList = Static<typeof ApiTokenListSchema>;

/** A new token: the secret is in this answer only; the server keeps its SHA-256. */
export const CreatedApiTokenSchema = Type.Composite([ApiTokenSchema, Type.Object({ token: Type.String() })], { $id: 'CreatedApiToken' });
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;

export const IDENTITY_SCHEMAS = [
  RoleSchema,
  CitizenMeSchema,
  OfficialMeSchema,
  MeSchema,
  OfficialSchema,
  OfficialListSchema,
  ColleagueSchema,
  ColleagueListSchema,
  ApiTokenSchema,
  ApiTokenListSchema,
  CreatedApiTokenSchema,
];
