/**
 * Small builders for procedure form schemas (JSON Schema 2020-12), so each procedure's form reads
 * as a list of questions. Every field carries a Vietnamese `title` and an English `x-title-en`.
 */
import {
  JSON_SCHEMA_2020,
  type FormArrayField,
  type FormBooleanField,
  type FormField,
  type FormNumberField,
  type FormScalarField,
  type FormSchema,
  type FormStringField,
} from '../../../packages/core/src/catalog/types.ts';

export const CCCD_PATTERN = '^[0-9]{12}$';
export const PHONE_PATTERN = '^0[0-9]{9}$';
const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

type Fields = Record<string, FormField>;

export function text(vi: string, en: string, hint?: string, maxLength = 200): FormStringField {
  return { type: 'string', title: vi, 'x-title-en': en, ...(hint ? { description: hint } : {}), minLength: 1, maxLength };
}

export function longText(vi: string, en: string, hint?: string): FormStringField {
  return { ...text(vi, en, hint, 2000), 'x-widget': 'textarea' };
}

export function date(vi: string, en: string, hint?: string): FormStringField {
  return { type: 'string', title: vi, 'x-title-en': en, ...(hint ? { description: hint } : {}), format: 'date' };
}

export function time(vi: string, en: string): FormStringField {
  return { type: 'string', title: vi, 'x-title-en': en, description: '24-hour time, HH:MM', pattern: TIME_PATTERN };
}

export function cccd(vi: string, en: string): FormStringField {
  return {
    type: 'string',
    title: vi,
    'x-title-en': en,
    description: '12-digit citizen identity card (CCCD) / personal identification number',
    pattern: CCCD_PATTERN,
  };
}

export function phone(vi: string, en: string): FormStringField {
  return { type: 'string', title: vi, 'x-title-en': en, description: 'Vietnamese phone number, 10 digits starting with 0', pattern: PHONE_PATTERN };
}

export function int(vi: string, en: string, minimum = 0, maximum?: number, hint?: string): FormNumberField {
  return {
    type: 'integer',
    title: vi,
    'x-title-en': en,
    ...(hint ? { description: hint } : {}),
    minimum,
    ...(maximum === undefined ? {} : { maximum }),
  };
}

export function amount(vi: string, en: string, hint?: string): FormNumberField {
  return { type: 'number', title: vi, 'x-title-en': en, ...(hint ? { description: hint } : {}), minimum: 0 };
}

export function yesNo(vi: string, en: string, hint?: string): FormBooleanField {
  return { type: 'boolean', title: vi, 'x-title-en': en, ...(hint ? { description: hint } : {}) };
}

/** Options as [value, Vietnamese label, English label]. */
export type Options = readonly (readonly [string, string, string])[];

export function choice(vi: string, en: string, options: Options, hint?: string): FormStringField {
  return {
    type: 'string',
    title: vi,
    'x-title-en': en,
    ...(hint ? { description: hint } : {}),
    oneOf: options.map(([value, label, labelEn]) => ({ const: value, title: label, 'x-title-en': labelEn })),
  };
}

/** A repeated group of scalar questions; keys listed in `optional` may be left out. */
export function list(
  vi: string,
  en: string,
  item: readonly [string, string],
  properties: Record<string, FormScalarField>,
  { optional = [] as string[], minItems = 1, maxItems = 50 } = {},
): FormArrayField {
  return {
    type: 'array',
    title: vi,
    'x-title-en': en,
    minItems,
    maxItems,
    items: {
      type: 'object',
      title: item[0],
      'x-title-en': item[1],
      properties,
      required: Object.keys(properties).filter((k) => !optional.includes(k)),
      additionalProperties: false,
    },
  };
}

export const SEX: Options = [
  ['nam', 'Nam', 'Male'],
  ['nu', 'Nữ', 'Female'],
];

export const PAYMENT_METHOD: Options = [
  ['tien_mat', 'Nhận tiền mặt', 'Cash'],
  ['tai_khoan', 'Chuyển khoản ngân hàng', 'Bank transfer'],
];

export type PersonPart = 'fullName' | 'dateOfBirth' | 'sex' | 'ethnicity' | 'nationality' | 'cccd' | 'placeOfBirth' | 'hometown' | 'residence';

/**
 * Questions about a person the procedure is about (child, parent, spouse, deceased…), keyed
 * `${prefix}FullName`, `${prefix}DateOfBirth`… Never used for the applicant, who travels with
 * the dossier.
 */
export function person(prefix: string, whoVi: string, whoEn: string, parts: readonly PersonPart[]): Record<string, FormScalarField> {
  const make: Record<PersonPart, () => FormScalarField> = {
    fullName: () => text(`Họ, chữ đệm và tên ${whoVi}`, `Full name of ${whoEn}`, undefined, 100),
    dateOfBirth: () => date(`Ngày, tháng, năm sinh ${whoVi}`, `Date of birth of ${whoEn}`),
    sex: () => choice(`Giới tính ${whoVi}`, `Sex of ${whoEn}`, SEX),
    ethnicity: () => text(`Dân tộc ${whoVi}`, `Ethnic group of ${whoEn}`, 'e.g. Kinh, Tày, Khmer', 50),
    nationality: () => ({ ...text(`Quốc tịch ${whoVi}`, `Nationality of ${whoEn}`, undefined, 60), default: 'Việt Nam' }),
    cccd: () => cccd(`Số định danh cá nhân (CCCD) ${whoVi}`, `Personal ID number of ${whoEn}`),
    placeOfBirth: () => text(`Nơi sinh ${whoVi}`, `Place of birth of ${whoEn}`, 'Health facility or address'),
    hometown: () => text(`Quê quán ${whoVi}`, `Home town of ${whoEn}`),
    residence: () => text(`Nơi cư trú ${whoVi}`, `Place of residence of ${whoEn}`, 'Address: street/hamlet, commune, province'),
  };
  const fields: Record<string, FormScalarField> = {};
  for (const part of parts) fields[prefix + part[0]!.toUpperCase() + part.slice(1)] = make[part]();
  return fields;
}

export interface StepDef {
  title: string;
  titleEn: string;
  fields: Fields;
  optional: readonly string[];
}

/** One wizard step; every field is required unless its key is listed in `optional`. */
export function step(title: string, titleEn: string, fields: Fields, optional: readonly string[] = []): StepDef {
  for (const key of optional) {
    if (!(key in fields)) throw new Error(`step "${title}": optional key ${key} is not a field`);
  }
  return { title, titleEn, fields, optional };
}

/** Assemble a form: numbers the steps into `x-step` and derives `required`. */
export function form(title: string, titleEn: string, steps: readonly StepDef[]): FormSchema {
  const properties: Fields = {};
  const required: string[] = [];
  steps.forEach((s, index) => {
    for (const [key, field] of Object.entries(s.fields)) {
      if (key in properties) throw new Error(`form "${title}": duplicate field ${key}`);
      properties[key] = { ...field, 'x-step': index };
      if (!s.optional.includes(key)) required.push(key);
    }
  });
  return {
    $schema: JSON_SCHEMA_2020,
    type: 'object',
    title,
    'x-title-en': titleEn,
    properties,
    required,
    additionalProperties: false,
    'x-steps': steps.map((s) => ({ title: s.title, 'x-title-en': s.titleEn })),
  };
}
