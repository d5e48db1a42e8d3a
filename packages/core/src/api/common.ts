import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { PROBLEM_CODES } from '../problems/codes.ts';

/*
 * The wire contract's shared pieces. Every request and response shape of the API is declared once
 * under `@motcua/core/api` as a TypeBox schema: the server validates with it and publishes it in
 * /openapi.json, the web and the field app import its `Static<>` type (`import type` only, so no
 * schema code reaches the browser bundle).
 */

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A literal union from a list of strings (states, channels…): one list gives the TypeScript union
 * and the JSON Schema `enum` that the server validates and /openapi.json publishes.
 */
export function Literals<const T extends readonly string[]>(values: T, options: { $id?: string; description?: string } = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** A statistical unit code (5 digits: commune, ward, special zone; 2 digits for a province). */
export const UnitCode = Type.String({ pattern: '^[0-9]{5}$', description: 'Mã đơn vị hành chính cấp xã (5 chữ số)' });
/** A hamlet (thôn, ấp, tổ dân phố…): its commune's code, a dash, a 2–3 digit number. */
export const HamletCode = Type.String({ pattern: '^[0-9]{5}-[0-9]{2,3}$' });
export const UnitOrProvinceCode = Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$', description: 'Mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số)' });

/** An instant on the wire: ISO 8601 with an offset (the server always sends UTC, `…Z`). */
export const Instant = Type.String({ format: 'date-time' });
/** A calendar day, `YYYY-MM-DD`. */
export const Day = Type.String({ format: 'date' });

export const ItemsOf = <T extends TSchema>(item: T, options: { $id?: string } = {}) => Type.Object({ items: Type.Array(item) }, options);

export const ProblemCodeSchema = Literals(PROBLEM_CODES, { $id: 'ProblemCode' });

/** RFC 9457 problem details with the project's bilingual members; modules may add members. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    detailVi: Type.String(),
    detailEn: Type.String(),
    code: Type.Ref(ProblemCodeSchema),
    instance: Type.Optional(Type.String()),
  },
  { $id: 'Problem', additionalProperties: true },
);
export type ProblemMembers = Static<typeof ProblemSchema>;
export type ProblemJson = ProblemMembers & { [member: string]: unknown };

export const Ok = Type.Object({ ok: Type.Literal(true) }, { $id: 'Ok' });
